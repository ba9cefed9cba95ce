package netlab.kernel.probe;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * What one {@link Probe} saw.
 *
 * @param reply the first echo reply, if one came within the probe's time
 * @param seenFrom the source address of the first request seen arriving in one of the
 *     {@link Probe#listenAt} namespaces (empty when none was watched or none arrived)
 * @param failure why nothing came, when the kernel or the network said so: the send failed
 *     ({@code no route to host (ENETUNREACH)}) or an ICMP error came back
 *     ({@code host unreachable, said 10.0.0.1}), or no request could leave at all (the queue
 *     was full every time: {@code no request could be sent: no buffer space available (ENOBUFS)});
 *     empty when there is simply no answer
 * @param requestSent whether at least one request left the node (the kernel took it): without
 *     one, no answer proves nothing
 */
public record ProbeResult(Optional<Reply> reply, Optional<InetAddress> seenFrom, Optional<String> failure,
        boolean requestSent) {

    /** An echo reply: the TTL (IPv4) or hop limit (IPv6) it arrived with, and how long it took. */
    public record Reply(int ttl, Duration roundTrip) {}
}

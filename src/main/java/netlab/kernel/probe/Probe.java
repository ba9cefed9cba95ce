package netlab.kernel.probe;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import netlab.kernel.NetNamespace;

/**
 * One ICMP echo exchange to try: from a namespace to an address, for at most {@code within}.
 *
 * @param from the namespace that sends the echo requests
 * @param target where they go (IPv4 or IPv6; the probe's family is the target's)
 * @param within how long to wait for a reply; requests are repeated until then
 * @param listenAt namespaces that hold the target address, where the arriving request is watched
 *     for the source address it carries (empty: nobody watches)
 */
public record Probe(NetNamespace from, InetAddress target, Duration within, List<NetNamespace> listenAt) {
    public Probe {
        listenAt = List.copyOf(listenAt);
    }
}

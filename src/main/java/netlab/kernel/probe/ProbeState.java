package netlab.kernel.probe;

import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What one probe of a run has seen so far; touched only on the run's loop. Settled once it has a
 * reply and, if anyone listens for its requests, a sighting; or a failure. Decided when settled
 * or when its time is up, whichever comes first.
 */
final class ProbeState {
    private final Probe probe;
    private final int index;
    private final ProbeSocket sender;
    private final Set<Long> listenerInodes;
    private ProbeResult.Reply reply;
    private InetAddress seenFrom;
    private String failure;
    private boolean sent;
    /** Why the last request could not be queued (EAGAIN, ENOBUFS), while none has been. */
    private String queueFull;
    private int sequence;
    private boolean decided;
    private ScheduledFuture<?> expiry;

    ProbeState(Probe probe, int index, ProbeSocket sender, Set<Long> listenerInodes) {
        this.probe = probe;
        this.index = index;
        this.sender = sender;
        this.listenerInodes = listenerInodes;
    }

    Probe probe() {
        return probe;
    }

    int index() {
        return index;
    }

    ProbeSocket sender() {
        return sender;
    }

    boolean ipv6() {
        return sender.socket().ipv6();
    }

    /** The next request's sequence number: 1, 2, ... as ping counts (16 bits on the wire). */
    int nextSequence() {
        sequence = (sequence + 1) & 0xffff;
        return sequence;
    }

    boolean listensAt(long namespaceInode) {
        return listenerInodes.contains(namespaceInode);
    }

    /** The first reply counts; repeats of the request bring more. */
    void replied(int ttl, Duration roundTrip) {
        if (reply == null) {
            reply = new ProbeResult.Reply(ttl, roundTrip);
        }
    }

    void seen(InetAddress source) {
        if (seenFrom == null) {
            seenFrom = source;
        }
    }

    void sent() {
        sent = true;
    }

    /** The kernel's queue was full for a request; the next repeat tries again. */
    void queueFull(String why) {
        queueFull = why;
    }

    /** A failure after a reply changes nothing: the target did answer. */
    void failed(String why) {
        if (failure == null && reply == null) {
            failure = why;
        }
    }

    boolean settled() {
        return failure != null || (reply != null && (listenerInodes.isEmpty() || seenFrom != null));
    }

    boolean decided() {
        return decided;
    }

    void expiresWith(ScheduledFuture<?> expiry) {
        this.expiry = expiry;
    }

    void decide() {
        decided = true;
        if (expiry != null) {
            expiry.cancel(false);
        }
    }

    ProbeResult result() {
        String why = failure == null && reply == null && !sent && queueFull != null
                ? "no request could be sent: " + queueFull : failure;
        return new ProbeResult(Optional.ofNullable(reply), Optional.ofNullable(seenFrom), Optional.ofNullable(why), sent);
    }
}

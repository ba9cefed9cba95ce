package netlab.check;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.kernel.probe.ProbeResult;
import netlab.topology.Durations;
import netlab.topology.Expectation;
import netlab.topology.Addresses;

/** Judges an expectation by what its probe saw, and says what was seen in a report's words. */
final class Verdicts {
    private Verdicts() {}

    static Verdict judge(Expectation expectation, ProbeResult result) {
        return switch (expectation.reach()) {
            case REACHES -> reaches(expectation, result);
            case DOES_NOT_REACH -> doesNotReach(expectation, result);
        };
    }

    private static Verdict reaches(Expectation expectation, ProbeResult result) {
        List<String> wrong = new ArrayList<>();
        Optional<ProbeResult.Reply> reply = result.reply();
        if (reply.isEmpty()) {
            wrong.add(noReply(expectation.within(), result));
        } else if (expectation.ttl().isPresent() && reply.get().ttl() != expectation.ttl().getAsInt()) {
            wrong.add("reply with ttl " + reply.get().ttl() + ", expected " + expectation.ttl().getAsInt());
        }
        if (expectation.seenAs().isPresent()) {
            InetAddress expected = expectation.seenAs().get();
            Optional<InetAddress> seen = result.seenFrom();
            if (seen.isEmpty()) {
                wrong.add("the request never arrived at " + String.join(" or ", expectation.target().owners())
                        + ", expected it seen as " + Addresses.format(expected));
            } else if (!seen.get().equals(expected)) {
                wrong.add("seen as " + Addresses.format(seen.get()) + ", expected " + Addresses.format(expected));
            }
        }
        if (!wrong.isEmpty()) {
            return new Verdict(expectation, false, String.join("; ", wrong), result);
        }
        String seen = "reply with ttl " + reply.get().ttl() + " in " + millis(reply.get().roundTrip());
        if (expectation.seenAs().isPresent()) {
            seen += ", seen as " + Addresses.format(expectation.seenAs().get());
        }
        return new Verdict(expectation, true, seen, result);
    }

    private static Verdict doesNotReach(Expectation expectation, ProbeResult result) {
        if (result.reply().isPresent()) {
            ProbeResult.Reply reply = result.reply().get();
            return new Verdict(expectation, false, "reply with ttl " + reply.ttl() + " in " + millis(reply.roundTrip())
                    + ", expected none within " + Durations.text(expectation.within()), result);
        }
        // Silence shows isolation only when a request left the node, or the kernel refused to
        // send it (no route); not when every request found the queue full.
        boolean isolated = result.requestSent() || result.failure().isPresent() && !unsent(result);
        return new Verdict(expectation, isolated, noReply(expectation.within(), result), result);
    }

    /** Not one request could be queued (ENOBUFS, EAGAIN every time). */
    private static boolean unsent(ProbeResult result) {
        return !result.requestSent() && result.failure().filter(why -> why.startsWith("no request could be sent")).isPresent();
    }

    /**
     * {@code no reply within 1s} when the time ran out; {@code no reply: network is unreachable
     * (ENETUNREACH)} when the kernel or an ICMP error said so at once (the probe stopped there).
     */
    private static String noReply(Duration within, ProbeResult result) {
        return result.failure().map(why -> "no reply: " + why).orElse("no reply within " + Durations.text(within));
    }

    /** A round trip as people read one: {@code 0.08 ms}, {@code 12 ms}. */
    static String millis(Duration duration) {
        double ms = duration.toNanos() / 1e6;
        return ms < 10 ? String.format(java.util.Locale.ROOT, "%.2f ms", ms) : Math.round(ms) + " ms";
    }
}

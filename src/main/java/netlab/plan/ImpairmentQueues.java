package netlab.plan;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.topology.Impairment;

/**
 * The qdisc an impairment needs, with the defaults the file leaves open: tbf for a rate alone,
 * netem for a delay (carrying the rate too, if any), none for a loss alone (the loss is the loss
 * table's, with or without a qdisc).
 */
final class ImpairmentQueues {
    /** tbf queues for at most this long when the file gives no limit (the usual tc example's 50ms). */
    static final long TBF_LATENCY_MICROS = 50_000;
    /** tc's own default for netem's queue. */
    static final int NETEM_LIMIT_PACKETS = 1000;
    /** The default bucket holds 10 ms of the rate: 1/100 of a second's bytes. */
    private static final long BUCKETS_PER_SECOND = 100;

    private ImpairmentQueues() {}

    /**
     * {@code mtu}: the interface's ({@code Mtus}), which the resolver made sure the file decides
     * wherever tbf needs it: a full frame (MTU + 14) is tbf's least burst and the unit of its limit.
     */
    static Optional<Qdisc> of(Impairment impairment, OptionalInt mtu) {
        if (impairment.delay().isPresent()) {
            return Optional.of(new Qdisc.Netem(micros(impairment.delay().get()),
                    impairment.jitter().map(ImpairmentQueues::micros).orElse(0L),
                    impairment.limitPackets().orElse(NETEM_LIMIT_PACKETS),
                    impairment.rateBitsPerSecond().orElse(0)));
        }
        if (!impairment.needsTbf()) {
            return Optional.empty();
        }
        long rate = impairment.rateBitsPerSecond().getAsLong();
        long frame = Impairment.frameBytes(mtu.orElseThrow(() -> new IllegalStateException(
                "tbf on " + impairment.interfaceName() + " without an MTU: the resolver lets none through")));
        long burst = impairment.burstBytes().orElse(Math.max(frame, rate / 8 / BUCKETS_PER_SECOND));
        if (impairment.limitPackets().isPresent()) {
            return Optional.of(new Qdisc.Tbf(rate, burst, impairment.limitPackets().getAsInt() * frame, 0));
        }
        return Optional.of(new Qdisc.Tbf(rate, burst, 0, TBF_LATENCY_MICROS));
    }

    private static long micros(Duration time) {
        return time.toNanos() / 1000;
    }
}

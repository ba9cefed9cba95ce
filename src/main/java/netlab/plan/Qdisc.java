package netlab.plan;

/**
 * The queue an impaired interface sends through: its root qdisc, which replaces the kernel's
 * default one. Rates in bits per second, times in microseconds.
 */
public sealed interface Qdisc {
    /**
     * A token bucket, for a rate without a delay. What waits for tokens is queued up to
     * {@code limitBytes}, or for at most {@code latencyMicros} (which tc turns into a limit):
     * exactly one of the two is set, the other is 0.
     *
     * <p>Equivalent to: {@code tc qdisc add dev IF root tbf rate 1000000bit burst 1514b latency 50ms}
     * (with a limit: {@code ... limit 151400b})
     */
    record Tbf(long rateBitsPerSecond, long burstBytes, long limitBytes, long latencyMicros) implements Qdisc {
        public Tbf {
            if (rateBitsPerSecond <= 0 || burstBytes <= 0 || limitBytes < 0 || latencyMicros < 0
                    || (limitBytes > 0) == (latencyMicros > 0)) {
                throw new IllegalArgumentException("tbf needs a rate, a burst, and a limit or a latency: rate "
                        + rateBitsPerSecond + "bit burst " + burstBytes + "b limit " + limitBytes + "b latency "
                        + latencyMicros + "us");
            }
        }
    }

    /**
     * A delay line: netem, with its queue of {@code limitPackets}, and its own rate when the
     * impairment has one ({@code rateBitsPerSecond} 0: none).
     *
     * <p>Equivalent to: {@code tc qdisc add dev IF root netem delay 100ms jitter 10ms limit 1000 [rate 1000000bit]}
     */
    record Netem(long delayMicros, long jitterMicros, int limitPackets, long rateBitsPerSecond) implements Qdisc {
        public Netem {
            if (delayMicros <= 0 || jitterMicros < 0 || jitterMicros > delayMicros || limitPackets <= 0
                    || rateBitsPerSecond < 0) {
                throw new IllegalArgumentException("netem needs a delay, a jitter up to it and a limit: delay "
                        + delayMicros + "us jitter " + jitterMicros + "us limit " + limitPackets + " rate "
                        + rateBitsPerSecond + "bit");
            }
        }
    }
}

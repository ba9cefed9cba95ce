package netlab.netlink.route;

import java.time.Duration;
import java.util.HexFormat;

/**
 * The packet scheduler's clock as tc counts it. tc writes times in psched ticks, converting from
 * microseconds with the first three numbers of {@code /proc/net/psched} ({@code tc_core_init} in
 * iproute2's {@code tc/tc_core.c}); to send tc's bytes netlab converts the same way, in the same
 * double arithmetic, truncating where tc's C truncates.
 *
 * <p>Those numbers are constants of the kernel's build, not of the machine: {@code psched_show}
 * ({@code net/sched/sch_api.c}) prints NSEC_PER_USEC, PSCHED_TICKS2NS(1) (64 ns, PSCHED_SHIFT 6
 * in {@code include/net/pkt_sched.h}) and 1000000, so tc counts 15.625 ticks per microsecond.
 * The codec reads no files: {@link #KERNEL} is that clock, and PschedClockTest checks it against
 * this machine's {@code /proc/net/psched}.
 */
final class PschedClock {
    /** What {@code /proc/net/psched} says on Linux: 1000 ns per us, 64 ns per tick, 1000000. */
    static final PschedClock KERNEL = parse("000003e8 00000040 000f4240 3b9aca00");

    private static final long U32_MAX = 0xFFFFFFFFL;
    private static final double TIME_UNITS_PER_SEC = 1_000_000;

    private final double ticksPerMicrosecond;

    private PschedClock(double ticksPerMicrosecond) {
        this.ticksPerMicrosecond = ticksPerMicrosecond;
    }

    /** Reads {@code /proc/net/psched}'s text as {@code tc_core_init} does. */
    static PschedClock parse(String procNetPsched) {
        String[] fields = procNetPsched.strip().split("\\s+");
        if (fields.length < 3) {
            throw new IllegalArgumentException("psched needs three numbers: " + procNetPsched);
        }
        long t2us = HexFormat.fromHexDigitsToLong(fields[0]);
        long us2t = HexFormat.fromHexDigitsToLong(fields[1]);
        long clockResolution = HexFormat.fromHexDigitsToLong(fields[2]);
        // tc's compatibility rule for kernels that advertised nanosecond resolution this way.
        if (clockResolution == 1_000_000_000L) {
            t2us = us2t;
        }
        double clockFactor = (double) clockResolution / TIME_UNITS_PER_SEC;
        return new PschedClock((double) t2us / us2t * clockFactor);
    }

    double ticksPerMicrosecond() {
        return ticksPerMicrosecond;
    }

    /** {@code tc_core_time2tick}: microseconds to ticks. */
    long ticks(long microseconds) {
        return u32(microseconds * ticksPerMicrosecond, microseconds + " us in ticks");
    }

    /** {@code tc_core_tick2time}: ticks to whole microseconds. */
    long microseconds(long ticks) {
        return (long) (ticks / ticksPerMicrosecond);
    }

    /** Ticks as a time, as the kernel's {@code PSCHED_TICKS2NS} reads them (64 ns each). */
    Duration duration(long ticks) {
        return Duration.ofNanos(Math.round(ticks * (1000 / ticksPerMicrosecond)));
    }

    /** {@code tc_calc_xmittime}: the ticks to send {@code size} bytes at {@code rate} bytes per second. */
    long transmitTicks(long rateBytesPerSecond, long size) {
        double microseconds = TIME_UNITS_PER_SEC * ((double) size / (double) rateBytesPerSecond);
        return ticks(u32(microseconds, size + " bytes at " + rateBytesPerSecond + " bytes/s in us"));
    }

    /**
     * {@code tc_calc_xmitsize}: the bytes sent in {@code ticks} at {@code rate} bytes per second,
     * which is how tc shows a tbf's burst. Not cut to tc's 32 bits: where tc's C would overflow,
     * the true size is more use than an undefined one.
     */
    long transmitSize(long rateBytesPerSecond, long ticks) {
        return (long) ((double) rateBytesPerSecond * microseconds(ticks) / TIME_UNITS_PER_SEC);
    }

    /**
     * C's conversion of a double to an unsigned 32-bit field: truncation. Beyond 32 bits C's result
     * is undefined, so such a value is refused rather than guessed.
     */
    static long u32(double value, String what) {
        if (!(value >= 0 && value <= U32_MAX)) {
            throw new IllegalArgumentException(what + " is " + value + ", outside tc's 32 bits");
        }
        return (long) value;
    }
}

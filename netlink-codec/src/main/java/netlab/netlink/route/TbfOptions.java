package netlab.netlink.route;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.AttributeReader;
import netlab.netlink.Attributes;
import netlab.netlink.AttributeWriter;

/**
 * A token bucket filter's TCA_OPTIONS ({@code sch_tbf}): a nest of {@link TbfAttribute}s without
 * NLA_F_NESTED, as tc's {@code addattr_nest} and the kernel's {@code nla_nest_start_noflag} write
 * it. The factories compute what iproute2 6.1's {@code tbf_parse_opt} computes, byte for byte,
 * including the rate table and the buffer in psched ticks ({@link PschedClock}).
 */
public record TbfOptions(List<TbfAttribute> attributes) implements QdiscOptions {
    public static final String KIND = "tbf";

    /** What tc_calc_rtable picks without an mtu: the smallest with {@code 2047 >> cell_log <= 255}. */
    private static final int CELL_LOG = 3;
    private static final long U32_MAX = 0xFFFFFFFFL;

    public TbfOptions {
        attributes = List.copyOf(attributes);
        if (Attributes.first(attributes, TbfAttribute.Parameters.class).isEmpty()) {
            throw new IllegalArgumentException("tbf options need TCA_TBF_PARMS");
        }
    }

    /**
     * A rate with a bucket of {@code burstBytes} and a queue of {@code limitBytes}. Equivalent to:
     * {@code tc qdisc add dev IF root tbf rate RATEbit burst BURSTb limit LIMITb}.
     */
    public static TbfOptions of(long rateBitsPerSecond, long burstBytes, long limitBytes) {
        requireRange("burst", burstBytes, 1, U32_MAX);
        requireRange("limit", limitBytes, 1, U32_MAX);
        return build(bytesPerSecond(rateBitsPerSecond), burstBytes, limitBytes);
    }

    /**
     * A rate with a bucket of {@code burstBytes} and a queue that holds {@code latencyMicros} of
     * traffic at the rate, which tc turns into a limit of {@code rate * latency + burst} bytes.
     * Equivalent to: {@code tc qdisc add dev IF root tbf rate RATEbit burst BURSTb latency LATENCYus}.
     */
    public static TbfOptions withLatency(long rateBitsPerSecond, long burstBytes, long latencyMicros) {
        requireRange("burst", burstBytes, 1, U32_MAX);
        requireRange("latency", latencyMicros, 1, U32_MAX);
        long rate = bytesPerSecond(rateBitsPerSecond);
        // tbf_parse_opt's arithmetic, in its order, on doubles.
        double limit = rate * (double) latencyMicros / 1_000_000 + burstBytes;
        return build(rate, burstBytes, PschedClock.u32(limit, "the limit"));
    }

    private static TbfOptions build(long rateBytesPerSecond, long burstBytes, long limitBytes) {
        PschedClock clock = PschedClock.KERNEL;
        // Above 32 bits the rate field says ~0U and TCA_TBF_RATE64 carries the rate; tc still
        // computes the buffer ticks and the rate table from the capped field.
        TcRateSpec rate = new TcRateSpec(CELL_LOG, TcRateSpec.TC_LINKLAYER_ETHERNET, 0, -1, 0,
                (int) Math.min(rateBytesPerSecond, U32_MAX));
        long bufferTicks = clock.transmitTicks(rate.rateBytesPerSecond(), burstBytes);
        List<TbfAttribute> attributes = new ArrayList<>();
        attributes.add(new TbfAttribute.Parameters(
                new TbfQopt(rate, TcRateSpec.NONE, (int) limitBytes, (int) bufferTicks, 0)));
        attributes.add(new TbfAttribute.Burst((int) burstBytes));
        if (rateBytesPerSecond > U32_MAX) {
            attributes.add(new TbfAttribute.Rate64(rateBytesPerSecond));
        }
        attributes.add(TbfAttribute.RateTable.of(rate, clock));
        return new TbfOptions(attributes);
    }

    /** tc's {@code get_rate64}: bits to whole bytes per second. */
    private static long bytesPerSecond(long rateBitsPerSecond) {
        requireRange("rate", rateBitsPerSecond, 8, Long.MAX_VALUE);
        return rateBitsPerSecond / 8;
    }

    private static void requireRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("tbf " + what + " " + value + " is outside " + min + ".." + max);
        }
    }

    public TbfQopt qopt() {
        return Attributes.first(attributes, TbfAttribute.Parameters.class).orElseThrow().qopt();
    }

    /** The rate: TCA_TBF_RATE64 where present, else the 32-bit field, as tc reads it. */
    public long rateBytesPerSecond() {
        return Attributes.first(attributes, TbfAttribute.Rate64.class).map(TbfAttribute.Rate64::bytesPerSecond)
                .orElseGet(() -> qopt().rate().rateBytesPerSecond());
    }

    public long rateBitsPerSecond() {
        return rateBytesPerSecond() * 8;
    }

    /**
     * The bucket in bytes: TCA_TBF_BURST in a request; in a dump, which carries only the buffer in
     * ticks, the bytes sent in that time at the rate, as {@code tc qdisc show} computes its burst.
     */
    public long burstBytes() {
        return Attributes.first(attributes, TbfAttribute.Burst.class)
                .map(burst -> Integer.toUnsignedLong(burst.bytes()))
                .orElseGet(() -> PschedClock.KERNEL.transmitSize(rateBytesPerSecond(), qopt().bufferTicks()));
    }

    public long limitBytes() {
        return qopt().limitBytes();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void encode(AttributeWriter writer) {
        writer.nested(QdiscAttribute.TCA_OPTIONS, inner -> attributes.forEach(attribute -> attribute.encode(inner)));
    }

    /** The TCA_OPTIONS the reader is on, or null when it holds no TCA_TBF_PARMS of the right size. */
    static TbfOptions decode(AttributeReader reader) {
        List<TbfAttribute> attributes = TbfAttribute.decode(reader.nested(TbfAttribute.NAMES));
        boolean hasParameters = Attributes.first(attributes, TbfAttribute.Parameters.class).isPresent();
        return hasParameters ? new TbfOptions(attributes) : null;
    }
}

package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import netlab.netlink.AttributeReader;
import netlab.netlink.Attributes;
import netlab.netlink.AttributeWriter;

/**
 * A network emulator's TCA_OPTIONS ({@code sch_netem}): not a plain nest but a {@link NetemQopt}
 * followed by {@link NetemAttribute}s (the kernel reads it with {@code nla_parse_nested_compat}),
 * without NLA_F_NESTED. The factory writes what iproute2 6.1's {@code netem_parse_opt} writes.
 */
public record NetemOptions(NetemQopt qopt, List<NetemAttribute> attributes) implements QdiscOptions {
    public static final String KIND = "netem";
    /** tc's queue when no limit is given. */
    public static final int DEFAULT_LIMIT_PACKETS = 1000;

    private static final long U32_MAX = 0xFFFFFFFFL;

    public NetemOptions {
        attributes = List.copyOf(attributes);
    }

    /**
     * A delay of {@code delayMicros} varying by up to {@code jitterMicros} (0: none), a queue of
     * {@code limitPackets}, and a rate limit when {@code rateBitsPerSecond} is not 0. Equivalent
     * to: {@code tc qdisc add dev IF root netem delay DELAYus JITTERus limit LIMIT [rate RATEbit]};
     * tc has no {@code jitter} keyword: the jitter is the number after the delay.
     */
    public static NetemOptions of(long delayMicros, long jitterMicros, int limitPackets, long rateBitsPerSecond) {
        requireRange("delay", delayMicros, 0, U32_MAX);
        requireRange("jitter", jitterMicros, 0, U32_MAX);
        requireRange("limit", limitPackets, 1, U32_MAX);
        requireRange("rate", rateBitsPerSecond, 0, Long.MAX_VALUE);
        PschedClock clock = PschedClock.KERNEL;
        NetemQopt qopt = new NetemQopt((int) clock.ticks(delayMicros), limitPackets, 0, 0, 0,
                (int) clock.ticks(jitterMicros));
        List<NetemAttribute> attributes = new ArrayList<>();
        if (rateBitsPerSecond != 0) {
            requireRange("rate", rateBitsPerSecond, 8, Long.MAX_VALUE);
            long bytesPerSecond = rateBitsPerSecond / 8;
            // As tc writes them: RATE64 first when the rate needs it, then RATE with ~0U.
            if (bytesPerSecond > U32_MAX) {
                attributes.add(new NetemAttribute.Rate64(bytesPerSecond));
            }
            attributes.add(new NetemAttribute.Rate((int) Math.min(bytesPerSecond, U32_MAX), 0, 0, 0));
        }
        return new NetemOptions(qopt, attributes);
    }

    private static void requireRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("netem " + what + " " + value + " is outside " + min + ".." + max);
        }
    }

    /** The delay as the kernel takes it: TCA_NETEM_LATENCY64 where present, else the ticks. */
    public Duration delay() {
        return Attributes.first(attributes, NetemAttribute.Latency64.class)
                .map(latency -> Duration.ofNanos(latency.nanoseconds()))
                .orElseGet(() -> PschedClock.KERNEL.duration(Integer.toUnsignedLong(qopt.latency())));
    }

    /** The jitter as the kernel takes it: TCA_NETEM_JITTER64 where present, else the ticks. */
    public Duration jitter() {
        return Attributes.first(attributes, NetemAttribute.Jitter64.class)
                .map(jitter -> Duration.ofNanos(jitter.nanoseconds()))
                .orElseGet(() -> PschedClock.KERNEL.duration(Integer.toUnsignedLong(qopt.jitter())));
    }

    public long limitPackets() {
        return qopt.limitPackets();
    }

    /** The rate limit, if any: TCA_NETEM_RATE64 where present, else TCA_NETEM_RATE's rate. */
    public OptionalLong rateBytesPerSecond() {
        var rate = Attributes.first(attributes, NetemAttribute.Rate.class);
        if (rate.isEmpty() || rate.get().rate() == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Attributes.first(attributes, NetemAttribute.Rate64.class)
                .map(NetemAttribute.Rate64::bytesPerSecond)
                .orElseGet(() -> Integer.toUnsignedLong(rate.get().rate())));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void encode(AttributeWriter writer) {
        writer.nested(QdiscAttribute.TCA_OPTIONS, inner -> {
            qopt.encode(inner.buffer());
            attributes.forEach(attribute -> attribute.encode(inner));
        });
    }

    /** The TCA_OPTIONS the reader is on, or null when it is too short for the struct. */
    static NetemOptions decode(AttributeReader reader) {
        if (reader.length() < NetemQopt.SIZE) {
            return null;
        }
        ByteBuf value = reader.valueSlice();
        List<NetemAttribute> attributes = NetemAttribute.decode(new AttributeReader(value, NetemQopt.SIZE,
                value.writerIndex(), reader.path(), NetemAttribute.NAMES));
        return new NetemOptions(NetemQopt.decode(value), attributes);
    }
}

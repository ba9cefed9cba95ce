package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.HostOrder;
import netlab.netlink.RawAttribute;

/**
 * The attributes after {@link NetemQopt} in a netem qdisc's TCA_OPTIONS ({@code TCA_NETEM_*} in
 * {@code <linux/pkt_sched.h>}). tc 6.1 sends RATE64 (for 2^32 bytes/s and more) then RATE; the
 * kernel's dump adds the delay and jitter in nanoseconds, correlations, reorder, corrupt, slot.
 * Those netlab does not use, and values of another length, stay {@link Other}.
 */
public sealed interface NetemAttribute {
    int TCA_NETEM_CORR = 1;
    int TCA_NETEM_DELAY_DIST = 2;
    int TCA_NETEM_REORDER = 3;
    int TCA_NETEM_CORRUPT = 4;
    int TCA_NETEM_LOSS = 5;
    int TCA_NETEM_RATE = 6;
    int TCA_NETEM_ECN = 7;
    int TCA_NETEM_RATE64 = 8;
    int TCA_NETEM_PAD = 9;
    int TCA_NETEM_LATENCY64 = 10;
    int TCA_NETEM_JITTER64 = 11;
    int TCA_NETEM_SLOT = 12;
    int TCA_NETEM_SLOT_DIST = 13;

    AttributeNames NAMES = AttributeNames.of(null, "TCA_NETEM_CORR", "TCA_NETEM_DELAY_DIST", "TCA_NETEM_REORDER",
            "TCA_NETEM_CORRUPT", "TCA_NETEM_LOSS", "TCA_NETEM_RATE", "TCA_NETEM_ECN", "TCA_NETEM_RATE64",
            "TCA_NETEM_PAD", "TCA_NETEM_LATENCY64", "TCA_NETEM_JITTER64", "TCA_NETEM_SLOT", "TCA_NETEM_SLOT_DIST",
            "TCA_NETEM_PRNG_SEED");

    void encode(AttributeWriter writer);

    /**
     * TCA_NETEM_RATE: {@code struct tc_netem_rate}, a rate limit inside netem.
     *
     * @param rate bytes per second (u32), ~0U when TCA_NETEM_RATE64 carries the rate
     * @param packetOverhead bytes added to each packet (s32)
     * @param cellSize the link layer's cell size, 0 for none (u32)
     * @param cellOverhead bytes added to each cell (s32)
     */
    record Rate(int rate, int packetOverhead, int cellSize, int cellOverhead) implements NetemAttribute {
        static final int SIZE = 16;

        @Override
        public void encode(AttributeWriter writer) {
            ByteBuf value = Unpooled.buffer(SIZE);
            HostOrder.writeInt(value, rate);
            HostOrder.writeInt(value, packetOverhead);
            HostOrder.writeInt(value, cellSize);
            HostOrder.writeInt(value, cellOverhead);
            writer.bytes(TCA_NETEM_RATE, ByteBufUtil.getBytes(value));
        }
    }

    /** TCA_NETEM_RATE64: the rate in bytes per second when it needs more than 32 bits. */
    record Rate64(long bytesPerSecond) implements NetemAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u64Host(TCA_NETEM_RATE64, bytesPerSecond);
        }
    }

    /** TCA_NETEM_LATENCY64: the delay in nanoseconds (s64), which the kernel prefers to the ticks. */
    record Latency64(long nanoseconds) implements NetemAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u64Host(TCA_NETEM_LATENCY64, nanoseconds);
        }
    }

    /** TCA_NETEM_JITTER64: the jitter in nanoseconds (s64), which the kernel prefers to the ticks. */
    record Jitter64(long nanoseconds) implements NetemAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u64Host(TCA_NETEM_JITTER64, nanoseconds);
        }
    }

    record Other(RawAttribute raw) implements NetemAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    static List<NetemAttribute> decode(AttributeReader reader) {
        List<NetemAttribute> attributes = new ArrayList<>();
        while (reader.next()) {
            attributes.add(switch (reader.typeWord()) {
                case TCA_NETEM_RATE -> reader.length() == Rate.SIZE ? rate(reader.valueSlice()) : other(reader);
                case TCA_NETEM_RATE64 -> reader.length() == 8 ? new Rate64(reader.u64Host()) : other(reader);
                case TCA_NETEM_LATENCY64 -> reader.length() == 8 ? new Latency64(reader.u64Host()) : other(reader);
                case TCA_NETEM_JITTER64 -> reader.length() == 8 ? new Jitter64(reader.u64Host()) : other(reader);
                default -> other(reader);
            });
        }
        return List.copyOf(attributes);
    }

    private static Rate rate(ByteBuf value) {
        return new Rate(HostOrder.getInt(value, 0), HostOrder.getInt(value, 4), HostOrder.getInt(value, 8),
                HostOrder.getInt(value, 12));
    }

    private static Other other(AttributeReader reader) {
        return new Other(reader.raw());
    }
}

package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.HostOrder;
import netlab.netlink.RawAttribute;

/**
 * The attributes inside a tbf qdisc's TCA_OPTIONS ({@code TCA_TBF_*} in {@code <linux/pkt_sched.h>}).
 * tc sends PARMS, BURST, RATE64 (only for 2^32 bytes/s and more) and RTAB in that order; the
 * kernel dumps PARMS and RATE64. Values of another length stay {@link Other}.
 */
public sealed interface TbfAttribute {
    int TCA_TBF_PARMS = 1;
    int TCA_TBF_RTAB = 2;
    int TCA_TBF_PTAB = 3;
    int TCA_TBF_RATE64 = 4;
    int TCA_TBF_PRATE64 = 5;
    int TCA_TBF_BURST = 6;
    int TCA_TBF_PBURST = 7;
    int TCA_TBF_PAD = 8;

    AttributeNames NAMES = AttributeNames.of(null, "TCA_TBF_PARMS", "TCA_TBF_RTAB", "TCA_TBF_PTAB",
            "TCA_TBF_RATE64", "TCA_TBF_PRATE64", "TCA_TBF_BURST", "TCA_TBF_PBURST", "TCA_TBF_PAD");

    void encode(AttributeWriter writer);

    /** TCA_TBF_PARMS: struct tc_tbf_qopt. */
    record Parameters(TbfQopt qopt) implements TbfAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            ByteBuf value = Unpooled.buffer(TbfQopt.SIZE);
            qopt.encode(value);
            writer.bytes(TCA_TBF_PARMS, ByteBufUtil.getBytes(value));
        }
    }

    /**
     * TCA_TBF_RTAB: 256 u32, entry i the ticks to send {@code (i + 1) << cell_log} bytes. The
     * kernel builds its own table since 3.8 and reads this one only for an old tc's
     * TC_LINKLAYER_UNAWARE rate, but tc still sends it, and netlab sends what tc sends.
     */
    record RateTable(int[] ticks) implements TbfAttribute {
        public static final int ENTRIES = 256;

        public RateTable {
            if (ticks.length != ENTRIES) {
                throw new IllegalArgumentException("a rate table has " + ENTRIES + " entries, not " + ticks.length);
            }
            ticks = ticks.clone();
        }

        /**
         * The table {@code tc_calc_rtable} computes for {@code rate} (its rate field, the 32-bit
         * one) with no mpu and an Ethernet link layer.
         */
        static RateTable of(TcRateSpec rate, PschedClock clock) {
            int[] ticks = new int[ENTRIES];
            for (int i = 0; i < ENTRIES; i++) {
                ticks[i] = (int) clock.transmitTicks(rate.rateBytesPerSecond(), (long) (i + 1) << rate.cellLog());
            }
            return new RateTable(ticks);
        }

        @Override
        public int[] ticks() {
            return ticks.clone();
        }

        @Override
        public void encode(AttributeWriter writer) {
            ByteBuf value = Unpooled.buffer(ENTRIES * 4);
            for (int entry : ticks) {
                HostOrder.writeInt(value, entry);
            }
            writer.bytes(TCA_TBF_RTAB, ByteBufUtil.getBytes(value));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RateTable table && Arrays.equals(table.ticks, ticks);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(ticks);
        }

        @Override
        public String toString() {
            return "RateTable[" + ticks[0] + " .. " + ticks[ENTRIES - 1] + " ticks]";
        }
    }

    /** TCA_TBF_RATE64: the rate in bytes per second when it needs more than 32 bits. */
    record Rate64(long bytesPerSecond) implements TbfAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u64Host(TCA_TBF_RATE64, bytesPerSecond);
        }
    }

    /** TCA_TBF_BURST: the bucket's size in bytes, which the kernel prefers to PARMS' buffer ticks. */
    record Burst(int bytes) implements TbfAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(TCA_TBF_BURST, bytes);
        }
    }

    record Other(RawAttribute raw) implements TbfAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    static List<TbfAttribute> decode(AttributeReader reader) {
        List<TbfAttribute> attributes = new ArrayList<>();
        while (reader.next()) {
            attributes.add(switch (reader.typeWord()) {
                case TCA_TBF_PARMS -> reader.length() == TbfQopt.SIZE
                        ? new Parameters(TbfQopt.decode(reader.valueSlice())) : other(reader);
                case TCA_TBF_RTAB -> reader.length() == RateTable.ENTRIES * 4 ? rateTable(reader) : other(reader);
                case TCA_TBF_RATE64 -> reader.length() == 8 ? new Rate64(reader.u64Host()) : other(reader);
                case TCA_TBF_BURST -> reader.length() == 4 ? new Burst(reader.u32Host()) : other(reader);
                default -> other(reader);
            });
        }
        return List.copyOf(attributes);
    }

    private static RateTable rateTable(AttributeReader reader) {
        ByteBuf value = reader.valueSlice();
        int[] ticks = new int[RateTable.ENTRIES];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = HostOrder.getInt(value, 4 * i);
        }
        return new RateTable(ticks);
    }

    private static Other other(AttributeReader reader) {
        return new Other(reader.raw());
    }
}

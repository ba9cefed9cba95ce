package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import netlab.netlink.HostOrder;

/**
 * {@code struct tc_ratespec} ({@code <linux/pkt_sched.h>}): a rate and how its rate table was
 * cut. All fields in host order.
 *
 * @param cellLog log2 of the bytes each rate-table entry covers
 * @param linkLayer {@code TC_LINKLAYER_*} in its lower 4 bits; the kernel ignores the rate table
 *     for {@link #TC_LINKLAYER_ETHERNET} and uses it only for {@code TC_LINKLAYER_UNAWARE} (old tc)
 * @param overhead bytes added to each packet's size (u16)
 * @param cellAlign signed 16-bit; tc writes -1
 * @param mpu minimum packet unit (u16)
 * @param rate bytes per second as an unsigned 32-bit value; ~0U when a 64-bit attribute carries
 *     the rate
 */
public record TcRateSpec(int cellLog, int linkLayer, int overhead, int cellAlign, int mpu, int rate) {
    public static final int SIZE = 12;

    public static final int TC_LINKLAYER_UNAWARE = 0;
    public static final int TC_LINKLAYER_ETHERNET = 1;
    public static final int TC_LINKLAYER_ATM = 2;

    /** No rate at all, as a tbf without a peak rate sends its {@code peakrate}. */
    public static final TcRateSpec NONE = new TcRateSpec(0, 0, 0, 0, 0, 0);

    /** The rate as an unsigned number. */
    public long rateBytesPerSecond() {
        return Integer.toUnsignedLong(rate);
    }

    void encode(ByteBuf out) {
        out.writeByte(cellLog);
        out.writeByte(linkLayer);
        HostOrder.writeShort(out, overhead);
        HostOrder.writeShort(out, cellAlign);
        HostOrder.writeShort(out, mpu);
        HostOrder.writeInt(out, rate);
    }

    static TcRateSpec decode(ByteBuf value, int offset) {
        return new TcRateSpec(
                value.getUnsignedByte(offset),
                value.getUnsignedByte(offset + 1),
                HostOrder.getUnsignedShort(value, offset + 2),
                (short) HostOrder.getUnsignedShort(value, offset + 4),
                HostOrder.getUnsignedShort(value, offset + 6),
                HostOrder.getInt(value, offset + 8));
    }
}

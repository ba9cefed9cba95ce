package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import netlab.netlink.HostOrder;

/**
 * {@code struct tc_tbf_qopt} ({@code <linux/pkt_sched.h>}), the value of TCA_TBF_PARMS. The u32
 * fields are kept as Java ints with their bits; the accessors below read them unsigned.
 *
 * @param rate the token rate
 * @param peakRate the peak rate, {@link TcRateSpec#NONE} without one
 * @param limit the queue's size in bytes
 * @param buffer the bucket's size as the ticks it takes to send at the rate (tc computes it from
 *     the 32-bit rate; the kernel's tbf_change reads TCA_TBF_BURST instead when it is there)
 * @param mtu the peak bucket's size in ticks, 0 without a peak rate
 */
public record TbfQopt(TcRateSpec rate, TcRateSpec peakRate, int limit, int buffer, int mtu) {
    public static final int SIZE = 2 * TcRateSpec.SIZE + 12;

    public long limitBytes() {
        return Integer.toUnsignedLong(limit);
    }

    public long bufferTicks() {
        return Integer.toUnsignedLong(buffer);
    }

    void encode(ByteBuf out) {
        rate.encode(out);
        peakRate.encode(out);
        HostOrder.writeInt(out, limit);
        HostOrder.writeInt(out, buffer);
        HostOrder.writeInt(out, mtu);
    }

    /** Reads the struct from a value of exactly {@link #SIZE} bytes. */
    static TbfQopt decode(ByteBuf value) {
        return new TbfQopt(
                TcRateSpec.decode(value, 0),
                TcRateSpec.decode(value, TcRateSpec.SIZE),
                HostOrder.getInt(value, 2 * TcRateSpec.SIZE),
                HostOrder.getInt(value, 2 * TcRateSpec.SIZE + 4),
                HostOrder.getInt(value, 2 * TcRateSpec.SIZE + 8));
    }
}

package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import netlab.netlink.HostOrder;

/**
 * {@code struct tc_netem_qopt} ({@code <linux/pkt_sched.h>}), the start of a netem qdisc's
 * TCA_OPTIONS. Six u32 in host order, kept as Java ints with their bits.
 *
 * @param latency the added delay in psched ticks (a newer kernel's dump also has it in
 *     nanoseconds, TCA_NETEM_LATENCY64)
 * @param limit the queue's size in packets
 * @param loss random loss, 0 for none and ~0 for all (netlab drops with nf_tables instead)
 * @param gap re-ordering gap, 0 for none
 * @param duplicate random duplication, 0 for none
 * @param jitter random variation of the delay in psched ticks
 */
public record NetemQopt(int latency, int limit, int loss, int gap, int duplicate, int jitter) {
    public static final int SIZE = 24;

    public long limitPackets() {
        return Integer.toUnsignedLong(limit);
    }

    void encode(ByteBuf out) {
        HostOrder.writeInt(out, latency);
        HostOrder.writeInt(out, limit);
        HostOrder.writeInt(out, loss);
        HostOrder.writeInt(out, gap);
        HostOrder.writeInt(out, duplicate);
        HostOrder.writeInt(out, jitter);
    }

    static NetemQopt decode(ByteBuf value) {
        return new NetemQopt(
                HostOrder.getInt(value, 0),
                HostOrder.getInt(value, 4),
                HostOrder.getInt(value, 8),
                HostOrder.getInt(value, 12),
                HostOrder.getInt(value, 16),
                HostOrder.getInt(value, 20));
    }
}

package netlab.kernel.probe;

import io.netty.buffer.ByteBuf;

/**
 * The payload of every echo request a run sends: the run's random 64-bit token, the probe's index
 * in the run (so more than 65,536 probes are told apart, which the 16-bit sequence cannot), and
 * when the request left (System.nanoTime), so a reply tells its own round trip as ping's does.
 * The target echoes it back unchanged; an ICMP error quotes it. All big-endian, as on the wire.
 */
record EchoToken(long run, int index, long sentNanos) {
    static final int SIZE = 8 + 4 + 8;

    void write(ByteBuf out) {
        out.writeLong(run).writeInt(index).writeLong(sentNanos);
    }

    /** The token at the start of {@code payload} (reader index onwards), or null if it is too short. */
    static EchoToken read(ByteBuf payload) {
        if (payload.readableBytes() < SIZE) {
            return null;
        }
        int at = payload.readerIndex();
        return new EchoToken(payload.getLong(at), payload.getInt(at + 8), payload.getLong(at + 12));
    }
}

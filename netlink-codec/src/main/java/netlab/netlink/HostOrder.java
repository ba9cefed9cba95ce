package netlab.netlink;

import io.netty.buffer.ByteBuf;
import java.nio.ByteOrder;

/**
 * Reads and writes in the host's byte order, which netlink headers and most rtnetlink values use
 * (nf_tables values, in contrast, are big-endian: callers say so by using ByteBuf's plain methods).
 */
public final class HostOrder {
    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private HostOrder() {}

    public static int getInt(ByteBuf buffer, int index) {
        return LITTLE ? buffer.getIntLE(index) : buffer.getInt(index);
    }

    public static int getUnsignedShort(ByteBuf buffer, int index) {
        return LITTLE ? buffer.getUnsignedShortLE(index) : buffer.getUnsignedShort(index);
    }

    public static long getLong(ByteBuf buffer, int index) {
        return LITTLE ? buffer.getLongLE(index) : buffer.getLong(index);
    }

    public static void writeInt(ByteBuf buffer, int value) {
        if (LITTLE) {
            buffer.writeIntLE(value);
        } else {
            buffer.writeInt(value);
        }
    }

    public static void writeShort(ByteBuf buffer, int value) {
        if (LITTLE) {
            buffer.writeShortLE(value);
        } else {
            buffer.writeShort(value);
        }
    }

    public static void writeLong(ByteBuf buffer, long value) {
        if (LITTLE) {
            buffer.writeLongLE(value);
        } else {
            buffer.writeLong(value);
        }
    }

    public static void setInt(ByteBuf buffer, int index, int value) {
        if (LITTLE) {
            buffer.setIntLE(index, value);
        } else {
            buffer.setInt(index, value);
        }
    }

    public static void setShort(ByteBuf buffer, int index, int value) {
        if (LITTLE) {
            buffer.setShortLE(index, value);
        } else {
            buffer.setShort(index, value);
        }
    }
}

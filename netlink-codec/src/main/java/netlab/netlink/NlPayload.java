package netlab.netlink;

import io.netty.buffer.ByteBuf;

/** What follows the {@code nlmsghdr} in a message: a family's typed message, an error, ... */
public interface NlPayload {
    /** Appends the payload's bytes (everything after the 16-byte header). */
    void encode(ByteBuf out);
}

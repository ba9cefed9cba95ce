package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.HostOrder;
import netlab.netlink.NlAttr;

/** Checks shared by the link attribute decoders, which keep any value they cannot reproduce raw. */
final class LinkDecoding {
    private LinkDecoding() {}

    /**
     * The text of an NLA_STRING sent without its NUL, as iproute2 sends IFLA_INFO_KIND and
     * IFLA_IFALIAS ({@code addattr_l(..., strlen(s))}); null when the value holds a NUL or is not
     * UTF-8 that survives a round trip.
     */
    static String unterminatedString(AttributeReader reader) {
        byte[] text = reader.bytes();
        for (byte b : text) {
            if (b == 0) {
                return null;
            }
        }
        String decoded = new String(text, StandardCharsets.UTF_8);
        return Arrays.equals(decoded.getBytes(StandardCharsets.UTF_8), text) ? decoded : null;
    }

    /**
     * True when {@code encode}, which writes one whole attribute, reproduces the reader's current
     * attribute exactly: same type word, same length, same value bytes.
     *
     * <p>The exactness check for nested records (IFLA_LINKINFO, IFLA_INFO_DATA, VETH_INFO_PEER,
     * IFLA_PROP_LIST). Their inner attributes are checked one by one, but a nest as a whole can
     * still differ from its re-encoding: a sender may leave the last inner attribute's padding
     * out of the nest's length, which the writer always includes. Such a nest stays raw.
     */
    static boolean reencodesExactly(AttributeReader reader, Consumer<AttributeWriter> encode) {
        ByteBuf out = Unpooled.buffer();
        try {
            try {
                encode.accept(new AttributeWriter(out));
            } catch (IllegalArgumentException tooLong) {
                // A nest of 65533..65535 bytes whose padding was left out cannot be written padded.
                return false;
            }
            int length = HostOrder.getUnsignedShort(out, 0);
            int typeWord = HostOrder.getUnsignedShort(out, 2);
            if (typeWord != reader.typeWord() || length != NlAttr.HEADER_SIZE + reader.length()) {
                return false;
            }
            byte[] value = ByteBufUtil.getBytes(out, NlAttr.HEADER_SIZE, reader.length());
            return Arrays.equals(value, reader.bytes());
        } finally {
            out.release();
        }
    }
}

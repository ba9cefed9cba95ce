package netlab.netlink;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * {@code NLMSG_DONE}, the end of a dump: an int (0, or a negative errno when the dump failed
 * part-way) and, with {@link NlmFlags#NLM_F_ACK_TLVS}, extended-ACK attributes.
 */
public record DonePayload(int error, List<ExtAckAttribute> extAck) implements NlPayload {
    public DonePayload {
        extAck = List.copyOf(extAck);
    }

    public static DonePayload ok() {
        return new DonePayload(0, List.of());
    }

    @Override
    public void encode(ByteBuf out) {
        HostOrder.writeInt(out, error);
        ExtAckAttribute.encodeAll(extAck, new AttributeWriter(out));
    }

    static DonePayload decode(NlMsgHeader header, ByteBuf message, int offset, int end, DecodePath path) {
        if (end - offset < 4) {
            throw path.fail("NLMSG_DONE needs 4 bytes, " + (end - offset) + " remain");
        }
        int error = HostOrder.getInt(message, offset);
        List<ExtAckAttribute> extAck = List.of();
        if ((header.flags() & NlmFlags.NLM_F_ACK_TLVS) != 0) {
            extAck = ExtAckAttribute.decode(
                    new AttributeReader(message, offset + 4, end, path, ExtAckAttribute.NAMES));
        } else if (end != offset + 4) {
            throw path.fail((end - offset - 4) + " unexpected bytes after NLMSG_DONE");
        }
        return new DonePayload(error, extAck);
    }
}

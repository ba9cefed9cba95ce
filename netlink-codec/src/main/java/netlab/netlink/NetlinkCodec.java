package netlab.netlink;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins messages into a datagram and splits a datagram into decoded messages. Each message starts
 * on a 4-byte boundary (NLMSG_ALIGN); the header's length is the unpadded length.
 */
public final class NetlinkCodec {
    private NetlinkCodec() {}

    /**
     * Appends one message: the header with the length patched in after the payload, padding
     * first if the buffer does not end on a 4-byte boundary (the previous message's tail).
     */
    public static void encode(NlMessage message, ByteBuf out) {
        out.writeZero(NlMsgHeader.align(out.writerIndex()) - out.writerIndex());
        int start = out.writerIndex();
        NlMsgHeader header = message.header();
        new NlMsgHeader(0, header.type(), header.flags(), header.sequence(), header.portId()).write(out);
        message.payload().encode(out);
        HostOrder.setInt(out, start, out.writerIndex() - start);
    }

    /** Appends several messages to one datagram, as the kernel and a batched request do. */
    public static void encodeAll(List<NlMessage> messages, ByteBuf out) {
        messages.forEach(message -> encode(message, out));
    }

    /** Decodes every message in the readable bytes of {@code datagram}, leaving its indices alone. */
    public static List<NlMessage> decode(ByteBuf datagram, PayloadDecoder family) {
        List<NlMessage> messages = new ArrayList<>();
        int offset = datagram.readerIndex();
        int end = datagram.writerIndex();
        while (offset < end) {
            int remaining = end - offset;
            DecodePath datagramPath = DecodePath.root().child("message " + messages.size());
            if (remaining < NlMsgHeader.SIZE) {
                throw datagramPath.fail(remaining + " trailing bytes, too few for a message header");
            }
            NlMsgHeader header = NlMsgHeader.peek(datagram, offset);
            if (header.length() < NlMsgHeader.SIZE) {
                throw datagramPath.fail("message length " + header.length() + " is shorter than its header");
            }
            if (header.length() > remaining) {
                throw datagramPath.fail("message length " + header.length() + " exceeds remaining " + remaining);
            }
            messages.add(new NlMessage(header, decodePayload(header, datagram, offset, family)));
            // The last message may leave its padding out of the datagram.
            offset += Math.min(remaining, NlMsgHeader.align(header.length()));
        }
        return List.copyOf(messages);
    }

    /** Decodes one message starting at {@code offset}; the datagram must hold all of it. */
    public static NlMessage decodeOne(ByteBuf datagram, PayloadDecoder family) {
        List<NlMessage> messages = decode(datagram, family);
        if (messages.size() != 1) {
            throw DecodePath.root().fail("expected one message, found " + messages.size());
        }
        return messages.getFirst();
    }

    public static String typeName(int type, PayloadDecoder family) {
        return switch (type) {
            case NlMsgHeader.NLMSG_NOOP -> "NLMSG_NOOP";
            case NlMsgHeader.NLMSG_ERROR -> "NLMSG_ERROR";
            case NlMsgHeader.NLMSG_DONE -> "NLMSG_DONE";
            case NlMsgHeader.NLMSG_OVERRUN -> "NLMSG_OVERRUN";
            default -> family.typeName(type);
        };
    }

    private static NlPayload decodePayload(NlMsgHeader header, ByteBuf datagram, int offset, PayloadDecoder family) {
        DecodePath path = DecodePath.root().child(typeName(header.type(), family));
        int bodyStart = offset + NlMsgHeader.SIZE;
        int bodyEnd = offset + header.length();
        try {
            NlPayload payload = switch (header.type()) {
                case NlMsgHeader.NLMSG_ERROR -> ErrorPayload.decode(header, datagram, bodyStart, bodyEnd, path);
                case NlMsgHeader.NLMSG_DONE -> DonePayload.decode(header, datagram, bodyStart, bodyEnd, path);
                case NlMsgHeader.NLMSG_NOOP, NlMsgHeader.NLMSG_OVERRUN -> null;
                default -> family.decode(header, datagram, bodyStart, bodyEnd, path);
            };
            if (payload != null) {
                return payload;
            }
        } catch (IndexOutOfBoundsException e) {
            // A bounds check missing in a family decoder must still surface as a codec error.
            throw path.fail("read outside the message: " + e.getMessage());
        }
        byte[] raw = new byte[bodyEnd - bodyStart];
        datagram.getBytes(bodyStart, raw);
        return new RawPayload(raw);
    }
}

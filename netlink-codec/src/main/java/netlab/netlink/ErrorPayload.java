package netlab.netlink;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code NLMSG_ERROR}: {@code struct nlmsgerr}, i.e. a negative errno (0 for an ACK) and the
 * header of the request it answers, then the request's payload unless the message is
 * {@link NlmFlags#NLM_F_CAPPED}, then extended-ACK TLVs if {@link NlmFlags#NLM_F_ACK_TLVS}.
 *
 * @param error 0 for an acknowledgement, else a negative errno
 * @param request the header of the request this answers
 * @param requestPayload the request's payload as echoed back (empty when capped)
 * @param extAck extended-ACK attributes (empty without NLM_F_ACK_TLVS)
 */
public record ErrorPayload(int error, NlMsgHeader request, byte[] requestPayload, List<ExtAckAttribute> extAck)
        implements NlPayload {
    public ErrorPayload {
        requestPayload = requestPayload.clone();
        extAck = List.copyOf(extAck);
    }

    public static ErrorPayload ack(NlMsgHeader request) {
        return new ErrorPayload(0, request, new byte[0], List.of());
    }

    public boolean isAck() {
        return error == 0;
    }

    /** The errno, positive (EEXIST = 17), or 0 for an ACK. */
    public int errno() {
        return -error;
    }

    public Optional<String> message() {
        return Attributes.first(extAck, ExtAckAttribute.Message.class).map(ExtAckAttribute.Message::text);
    }

    public OptionalInt offset() {
        return Attributes.first(extAck, ExtAckAttribute.Offset.class)
                .map(o -> OptionalInt.of(o.offset())).orElse(OptionalInt.empty());
    }

    @Override
    public byte[] requestPayload() {
        return requestPayload.clone();
    }

    @Override
    public void encode(ByteBuf out) {
        HostOrder.writeInt(out, error);
        request.write(out);
        out.writeBytes(requestPayload);
        out.writeZero(NlMsgHeader.align(requestPayload.length) - requestPayload.length);
        ExtAckAttribute.encodeAll(extAck, new AttributeWriter(out));
    }

    static ErrorPayload decode(NlMsgHeader header, ByteBuf message, int offset, int end, DecodePath path) {
        if (end - offset < 4 + NlMsgHeader.SIZE) {
            throw path.fail("nlmsgerr needs " + (4 + NlMsgHeader.SIZE) + " bytes, " + (end - offset) + " remain");
        }
        int error = HostOrder.getInt(message, offset);
        if (error > 0) {
            throw path.fail("error " + error + " is positive; netlink errors are negative errnos");
        }
        NlMsgHeader request = NlMsgHeader.peek(message, offset + 4);
        int next = offset + 4 + NlMsgHeader.SIZE;
        byte[] payload = new byte[0];
        if ((header.flags() & NlmFlags.NLM_F_CAPPED) == 0 && request.length() > NlMsgHeader.SIZE) {
            int payloadLength = request.length() - NlMsgHeader.SIZE;
            if (NlMsgHeader.align(payloadLength) > end - next) {
                throw path.fail("echoed request of " + request.length() + " bytes exceeds remaining "
                        + (end - next + NlMsgHeader.SIZE));
            }
            payload = new byte[payloadLength];
            message.getBytes(next, payload);
            next += NlMsgHeader.align(payloadLength);
        }
        List<ExtAckAttribute> extAck = List.of();
        if ((header.flags() & NlmFlags.NLM_F_ACK_TLVS) != 0) {
            extAck = ExtAckAttribute.decode(new AttributeReader(message, next, end, path, ExtAckAttribute.NAMES));
        } else if (next != end) {
            throw path.fail((end - next) + " unexpected bytes after nlmsgerr");
        }
        return new ErrorPayload(error, request, payload, extAck);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ErrorPayload e && e.error == error && e.request.equals(request)
                && Arrays.equals(e.requestPayload, requestPayload) && e.extAck.equals(extAck);
    }

    @Override
    public int hashCode() {
        return (31 * error + request.hashCode()) * 31 + extAck.hashCode();
    }

    @Override
    public String toString() {
        return "ErrorPayload[error=" + error + ", request=" + request
                + (requestPayload.length > 0 ? ", requestPayload=" + ByteBufUtil.hexDump(requestPayload) : "")
                + ", extAck=" + extAck + "]";
    }
}

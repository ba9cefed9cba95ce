package netlab.netlink;

import io.netty.buffer.ByteBuf;

/**
 * Decodes the payloads of one netlink protocol's own message types (rtnetlink, nf_tables, ...).
 * The envelope types (NLMSG_ERROR, NLMSG_DONE, ...) are decoded by {@link NetlinkCodec} itself.
 */
public interface PayloadDecoder {
    /** The uapi name of a message type, e.g. "RTM_NEWLINK", for paths and the printer. */
    String typeName(int type);

    /**
     * Decodes the payload between {@code offset} and {@code end} of {@code message}, or returns
     * null for a type this decoder does not model (it is then kept as a {@link RawPayload}).
     * Must throw nothing but {@link CodecException}, and read nothing outside those bounds.
     */
    NlPayload decode(NlMsgHeader header, ByteBuf message, int offset, int end, DecodePath path);
}

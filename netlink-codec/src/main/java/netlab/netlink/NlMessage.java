package netlab.netlink;

/**
 * One netlink message: the envelope and its typed payload. On encode the header's length is
 * computed from the payload; the decoded header keeps the length it arrived with.
 */
public record NlMessage(NlMsgHeader header, NlPayload payload) {
    /** A request to send: sequence number and port id are filled in by the channel. */
    public static NlMessage request(int type, int flags, NlPayload payload) {
        return new NlMessage(new NlMsgHeader(0, type, flags, 0, 0), payload);
    }

    public int type() {
        return header.type();
    }

    public int flags() {
        return header.flags();
    }

    public boolean hasFlags(int flags) {
        return (header.flags() & flags) == flags;
    }
}

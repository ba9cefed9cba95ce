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

    /**
     * This message with {@code flags} added to its own: NLM_F_ECHO, say, to have the kernel send
     * back the object it made.
     */
    public NlMessage withFlags(int flags) {
        NlMsgHeader h = header;
        return new NlMessage(new NlMsgHeader(h.length(), h.type(), h.flags() | flags, h.sequence(), h.portId()), payload);
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

package netlab.netlink;

/** The {@code NLM_F_*} bits of {@code nlmsghdr.nlmsg_flags}, spelled as in {@code <linux/netlink.h>}. */
public final class NlmFlags {
    public static final int NLM_F_REQUEST = 0x01;
    public static final int NLM_F_MULTI = 0x02;
    public static final int NLM_F_ACK = 0x04;
    public static final int NLM_F_ECHO = 0x08;
    public static final int NLM_F_DUMP_INTR = 0x10;
    public static final int NLM_F_DUMP_FILTERED = 0x20;

    // Modifiers to GET requests
    public static final int NLM_F_ROOT = 0x100;
    public static final int NLM_F_MATCH = 0x200;
    public static final int NLM_F_ATOMIC = 0x400;
    public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;

    // Modifiers to NEW requests
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int NLM_F_APPEND = 0x800;

    // Modifiers to DELETE requests
    public static final int NLM_F_NONREC = 0x100;
    public static final int NLM_F_BULK = 0x200;

    // Flags of ACK messages
    /** The error message does not echo the request's payload (NETLINK_CAP_ACK, or a success). */
    public static final int NLM_F_CAPPED = 0x100;
    /** Extended-ACK TLVs follow (NETLINK_EXT_ACK). */
    public static final int NLM_F_ACK_TLVS = 0x200;

    private NlmFlags() {}
}

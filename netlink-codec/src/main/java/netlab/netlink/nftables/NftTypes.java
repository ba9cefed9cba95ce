package netlab.netlink.nftables;

/**
 * NETLINK_NETFILTER message types: {@code (subsystem << 8) | message}
 * ({@code <linux/netfilter/nfnetlink.h>}, {@code NFNL_SUBSYS_ID} / {@code NFNL_MSG_TYPE}),
 * with the nf_tables messages of {@code <linux/netfilter/nf_tables.h>} and the batch markers.
 */
public final class NftTypes {
    public static final int NFNL_SUBSYS_NFTABLES = 10;
    /** Opens a transaction; its nfgenmsg res_id names the subsystem. Equal to NLMSG_MIN_TYPE. */
    public static final int NFNL_MSG_BATCH_BEGIN = 0x10;
    public static final int NFNL_MSG_BATCH_END = 0x11;

    public static final int NFT_MSG_NEWTABLE = 0;
    public static final int NFT_MSG_GETTABLE = 1;
    public static final int NFT_MSG_DELTABLE = 2;
    public static final int NFT_MSG_NEWCHAIN = 3;
    public static final int NFT_MSG_GETCHAIN = 4;
    public static final int NFT_MSG_DELCHAIN = 5;
    public static final int NFT_MSG_NEWRULE = 6;
    public static final int NFT_MSG_GETRULE = 7;
    public static final int NFT_MSG_DELRULE = 8;
    public static final int NFT_MSG_NEWGEN = 15;
    public static final int NFT_MSG_GETGEN = 16;

    private static final String[] MESSAGE_NAMES = {"NFT_MSG_NEWTABLE", "NFT_MSG_GETTABLE", "NFT_MSG_DELTABLE",
            "NFT_MSG_NEWCHAIN", "NFT_MSG_GETCHAIN", "NFT_MSG_DELCHAIN", "NFT_MSG_NEWRULE", "NFT_MSG_GETRULE",
            "NFT_MSG_DELRULE", "NFT_MSG_NEWSET", "NFT_MSG_GETSET", "NFT_MSG_DELSET", "NFT_MSG_NEWSETELEM",
            "NFT_MSG_GETSETELEM", "NFT_MSG_DELSETELEM", "NFT_MSG_NEWGEN", "NFT_MSG_GETGEN", "NFT_MSG_TRACE",
            "NFT_MSG_NEWOBJ", "NFT_MSG_GETOBJ", "NFT_MSG_DELOBJ", "NFT_MSG_GETOBJ_RESET", "NFT_MSG_NEWFLOWTABLE",
            "NFT_MSG_GETFLOWTABLE", "NFT_MSG_DELFLOWTABLE"};

    private NftTypes() {}

    /** The netlink message type of nf_tables message {@code message} (an NFT_MSG_* value). */
    public static int type(int message) {
        return (NFNL_SUBSYS_NFTABLES << 8) | message;
    }

    /** The NFT_MSG_* value of an nf_tables message type, or -1 for another subsystem's type. */
    public static int message(int type) {
        return type >> 8 == NFNL_SUBSYS_NFTABLES ? type & 0xff : -1;
    }

    public static String name(int type) {
        if (type == NFNL_MSG_BATCH_BEGIN) {
            return "NFNL_MSG_BATCH_BEGIN";
        }
        if (type == NFNL_MSG_BATCH_END) {
            return "NFNL_MSG_BATCH_END";
        }
        int message = message(type);
        if (message >= 0 && message < MESSAGE_NAMES.length) {
            return MESSAGE_NAMES[message];
        }
        return String.format("nfnetlink type 0x%04x", type);
    }
}

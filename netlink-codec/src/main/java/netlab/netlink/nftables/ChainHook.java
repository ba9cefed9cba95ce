package netlab.netlink.nftables;

import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.DecodePath;

/**
 * The hook of a base chain, the body of NFTA_CHAIN_HOOK ({@code NFTA_HOOK_*}): which netfilter
 * hook ({@code enum nf_inet_hooks} in {@code <linux/netfilter.h>}) and at what priority. The
 * device hooks of netdev chains (NFTA_HOOK_DEV) are not modelled; such a hook stays raw.
 *
 * @param hook NF_INET_* hook number
 * @param priority signed, big-endian on the wire; lower runs first ({@link #NF_IP_PRI_NAT_SRC} is nft's {@code srcnat})
 */
public record ChainHook(int hook, int priority) {
    public static final int NFTA_HOOK_HOOKNUM = 1;
    public static final int NFTA_HOOK_PRIORITY = 2;

    public static final int NF_INET_PRE_ROUTING = 0;
    public static final int NF_INET_LOCAL_IN = 1;
    public static final int NF_INET_FORWARD = 2;
    public static final int NF_INET_LOCAL_OUT = 3;
    public static final int NF_INET_POST_ROUTING = 4;

    // <linux/netfilter_ipv4.h> enum nf_ip_hook_priorities, the values of nft's named priorities.
    /** {@code dstnat}. */
    public static final int NF_IP_PRI_NAT_DST = -100;
    /** {@code filter}. */
    public static final int NF_IP_PRI_FILTER = 0;
    /** {@code srcnat}. */
    public static final int NF_IP_PRI_NAT_SRC = 100;

    static final AttributeNames NAMES = AttributeNames.of(null, "NFTA_HOOK_HOOKNUM", "NFTA_HOOK_PRIORITY",
            "NFTA_HOOK_DEV", "NFTA_HOOK_DEVS");

    /** Writes the nest {@code typeWord} (nested flag included) holding the hook. */
    void encode(AttributeWriter writer, int typeWord) {
        writer.nested(typeWord, hookBody -> {
            hookBody.u32Big(NFTA_HOOK_HOOKNUM, hook);
            hookBody.u32Big(NFTA_HOOK_PRIORITY, priority);
        });
    }

    /** Lenient: the exactness check of the caller rejects any other shape. */
    static ChainHook decode(AttributeReader reader, DecodePath path) {
        Integer hook = null;
        Integer priority = null;
        while (reader.next()) {
            switch (reader.type()) {
                case NFTA_HOOK_HOOKNUM -> hook = reader.u32Big();
                case NFTA_HOOK_PRIORITY -> priority = reader.u32Big();
                default -> { }
            }
        }
        if (hook == null || priority == null) {
            throw path.fail("hook without number or priority");
        }
        return new ChainHook(hook, priority);
    }
}

package netlab.netlink.nftables;

import java.util.Optional;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.DecodePath;
import netlab.netlink.NlAttr;

/**
 * The hook of a base chain, the body of NFTA_CHAIN_HOOK ({@code NFTA_HOOK_*}): which netfilter
 * hook ({@code enum nf_inet_hooks}, or {@code enum nf_dev_hooks} for the netdev family, in
 * {@code <linux/netfilter.h>}), at what priority, and for netdev chains on which device. A hook
 * on several devices (a list without NFTA_HOOK_DEV) is not modelled; such a hook stays raw.
 *
 * @param hook NF_INET_* or NF_NETDEV_* hook number
 * @param priority signed, big-endian on the wire; lower runs first ({@link #NF_IP_PRI_NAT_SRC} is nft's {@code srcnat})
 * @param device the device of a netdev chain's hook; empty for the other families
 */
public record ChainHook(int hook, int priority, Optional<HookDevice> device) {
    public static final int NFTA_HOOK_HOOKNUM = 1;
    public static final int NFTA_HOOK_PRIORITY = 2;
    public static final int NFTA_HOOK_DEV = 3;
    public static final int NFTA_HOOK_DEVS = 4;

    public static final int NF_INET_PRE_ROUTING = 0;
    public static final int NF_INET_LOCAL_IN = 1;
    public static final int NF_INET_FORWARD = 2;
    public static final int NF_INET_LOCAL_OUT = 3;
    public static final int NF_INET_POST_ROUTING = 4;

    /** netdev family: packets as a device receives them. */
    public static final int NF_NETDEV_INGRESS = 0;
    /** netdev family: packets about to leave through a device (before its qdisc). */
    public static final int NF_NETDEV_EGRESS = 1;

    // <linux/netfilter_ipv4.h> enum nf_ip_hook_priorities, the values of nft's named priorities.
    /** {@code dstnat}. */
    public static final int NF_IP_PRI_NAT_DST = -100;
    /** {@code filter}. */
    public static final int NF_IP_PRI_FILTER = 0;
    /** {@code srcnat}. */
    public static final int NF_IP_PRI_NAT_SRC = 100;

    static final AttributeNames NAMES = AttributeNames.of(null, "NFTA_HOOK_HOOKNUM", "NFTA_HOOK_PRIORITY",
            "NFTA_HOOK_DEV", "NFTA_HOOK_DEVS");

    /** A hook of the ip, ip6 or inet family: no device. */
    public ChainHook(int hook, int priority) {
        this(hook, priority, Optional.empty());
    }

    /** The ingress hook of one device, as nft sends {@code hook ingress device "NAME" priority PRIORITY}. */
    public static ChainHook ingress(String device, int priority) {
        return new ChainHook(NF_NETDEV_INGRESS, priority, Optional.of(HookDevice.named(device)));
    }

    /** The egress hook of one device, as nft sends {@code hook egress device "NAME" priority PRIORITY}. */
    public static ChainHook egress(String device, int priority) {
        return new ChainHook(NF_NETDEV_EGRESS, priority, Optional.of(HookDevice.named(device)));
    }

    /** The name of the hooked device, for netdev chains. */
    public Optional<String> deviceName() {
        return device.map(HookDevice::name);
    }

    /** Writes the nest {@code typeWord} (nested flag included) holding the hook. */
    void encode(AttributeWriter writer, int typeWord) {
        writer.nested(typeWord, hookBody -> {
            hookBody.u32Big(NFTA_HOOK_HOOKNUM, hook);
            hookBody.u32Big(NFTA_HOOK_PRIORITY, priority);
            device.ifPresent(named -> named.encode(hookBody, typeWord & NlAttr.NLA_F_NESTED));
        });
    }

    /** Lenient: the exactness check of the caller rejects any other shape. */
    static ChainHook decode(AttributeReader reader, DecodePath path) {
        Integer hook = null;
        Integer priority = null;
        String device = null;
        boolean listed = false;
        while (reader.next()) {
            switch (reader.type()) {
                case NFTA_HOOK_HOOKNUM -> hook = reader.u32Big();
                case NFTA_HOOK_PRIORITY -> priority = reader.u32Big();
                case NFTA_HOOK_DEV -> device = reader.string();
                // Its one name is compared by the caller's exactness check, against the encoded list.
                case NFTA_HOOK_DEVS -> listed = true;
                default -> { }
            }
        }
        if (hook == null || priority == null) {
            throw path.fail("hook without number or priority");
        }
        Optional<HookDevice> named = device == null ? Optional.empty() : Optional.of(new HookDevice(device, listed));
        return new ChainHook(hook, priority, named);
    }
}

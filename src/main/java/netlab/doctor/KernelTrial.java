package netlab.doctor;

import java.util.ArrayList;
import java.util.List;
import netlab.kernel.Kernel;
import netlab.kernel.KernelException;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkChannel;
import netlab.kernel.NetlinkRequest;
import netlab.kernel.NftablesTransaction;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.ChainMessage;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.NftablesDecoder;
import netlab.netlink.nftables.TableMessage;
import netlab.netlink.nftables.nat.IpFamily;
import netlab.netlink.nftables.nat.SourceNatRule;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.MacvlanInfo;
import netlab.sys.NetlinkSocket;

/**
 * As root, what labs need is made for real, as {@code up} makes it, in a throwaway network
 * namespace that goes with its handle: a veth pair, a bridge, a macvlan on the veth, a NAT table
 * with a masquerade rule. This also catches a module that is installed but will not load, which
 * the kernel's own lists cannot tell. The machine's namespaces are not touched.
 */
final class KernelTrial {
    private static final String VETH = "doctor0";

    private KernelTrial() {}

    static List<Finding> check(Kernel kernel) {
        List<Finding> findings = new ArrayList<>();
        try (NetNamespace scratch = NetNamespace.throwaway()) {
            try {
                NetlinkChannel route = kernel.route(scratch);
                boolean veth = trial(findings, "veth", "veth pairs", () -> route.call(new NetlinkRequest("add a veth pair",
                        LinkRequests.createVeth(VETH, List.of(), "doctor1", List.of()))));
                trial(findings, "bridge", "bridges", () -> route.call(new NetlinkRequest("add a bridge",
                        LinkRequests.createBridge("doctor-br", List.of()))));
                if (veth) {
                    trial(findings, "macvlan", "macvlan interfaces", () -> route.call(new NetlinkRequest("add a macvlan",
                            LinkRequests.createMacvlan("doctor-mv", List.of(), index(route, VETH), MacvlanInfo.MACVLAN_MODE_BRIDGE))));
                }
                NetlinkChannel netfilter = kernel.channel(scratch, NetlinkSocket.NETLINK_NETFILTER, NftablesDecoder.INSTANCE);
                trial(findings, "nf_tables, nft_masq", "masquerade rules", () -> NftablesTransaction.apply(netfilter,
                        "add a table with a masquerade rule", masqueradeTable()));
            } finally {
                kernel.forget(scratch);
            }
        }
        return findings;
    }

    /** Equivalent to: {@code nft 'table ip doctor { chain postrouting { type nat hook postrouting priority srcnat; masquerade; }; }'}. */
    private static List<NlMessage> masqueradeTable() {
        return List.of(NftRequests.newTable(TableMessage.add(NfProto.NFPROTO_IPV4, "doctor")),
                NftRequests.newChain(ChainMessage.natPostrouting(NfProto.NFPROTO_IPV4, "doctor", "postrouting")),
                NftRequests.appendRule(SourceNatRule.masquerade(IpFamily.IPV4).appendTo("doctor", "postrouting")));
    }

    private static int index(NetlinkChannel route, String name) {
        for (NlMessage reply : route.call(new NetlinkRequest("list the interfaces", LinkRequests.dump()))) {
            LinkMessage link = (LinkMessage) reply.payload();
            if (link.name().orElse("").equals(name)) {
                return link.index();
            }
        }
        throw new IllegalStateException(name + " was made but is not listed");
    }

    /** Whether {@code attempt} worked; a refusal is a finding that names the kernel's reason. */
    private static boolean trial(List<Finding> findings, String modules, String use, Runnable attempt) {
        try {
            attempt.run();
            return true;
        } catch (KernelException e) {
            findings.add(Finding.problem("the kernel cannot make " + use + " (" + e.getMessage() + ")",
                    "modprobe " + modules.replace(",", "") + ", or install a kernel that has them"));
            return false;
        }
    }
}

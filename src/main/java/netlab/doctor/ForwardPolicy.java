package netlab.doctor;

import java.util.ArrayList;
import java.util.List;
import netlab.kernel.NetlinkChannel;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.ChainHook;
import netlab.netlink.nftables.ChainMessage;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftRequests;

/**
 * A base chain at the IPv4 forward hook whose policy is drop (Docker's {@code FORWARD}, which
 * iptables-nft makes as {@code table ip filter}, or a firewall's {@code inet} table): the host
 * then drops what it routes for a lab, silently, unless a rule accepts it.
 */
final class ForwardPolicy {
    /** NF_DROP of {@code <linux/netfilter.h>}: a chain policy's verdict. */
    private static final int NF_DROP = 0;

    private ForwardPolicy() {}

    /** Equivalent to: {@code nft -j list chains}, keeping the forward chains of ip and inet with policy drop. */
    static List<Finding> check(NetlinkChannel netfilter) {
        List<Finding> findings = new ArrayList<>();
        for (NlMessage reply : netfilter.call(new NetlinkRequest("list the nf_tables chains of the host",
                NftRequests.dumpChains(NfProto.NFPROTO_UNSPEC)))) {
            if (reply.payload() instanceof ChainMessage chain && dropsForwarded(chain)) {
                String family = NfProto.name(chain.header().family());
                String name = family + " " + chain.table().orElse("?") + " " + chain.name().orElse("?");
                findings.add(Finding.problem("the host drops what it forwards (nf_tables chain " + name
                        + ": hook forward, policy drop; Docker and firewalls set it), so labs routed through the host lose "
                        + "their traffic", "accept the lab's traffic first: nft insert rule " + name
                        + " iifname BRIDGE accept, and the same with oifname (Docker: in chain DOCKER-USER); "
                        + "or nft 'chain " + name + " { policy accept; }'"));
            }
        }
        return findings;
    }

    private static boolean dropsForwarded(ChainMessage chain) {
        int family = chain.header().family();
        return (family == NfProto.NFPROTO_IPV4 || family == NfProto.NFPROTO_INET)
                && chain.hook().map(hook -> hook.hook() == ChainHook.NF_INET_FORWARD).orElse(false)
                && chain.policy().orElse(-1) == NF_DROP;
    }
}

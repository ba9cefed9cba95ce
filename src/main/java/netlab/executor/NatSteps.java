package netlab.executor;

import java.util.ArrayList;
import java.util.List;
import netlab.kernel.NftablesTransaction;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.ChainMessage;
import netlab.netlink.nftables.NatRuleBuilder;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.TableMessage;
import netlab.plan.Operation;
import netlab.topology.Cidr;
import netlab.topology.NatRule;

/** The NAT step: the lab's own table, its postrouting chain and rules, in one transaction. */
final class NatSteps {
    static final String CHAIN = "postrouting";

    private NatSteps() {}

    static void apply(Operation.ApplyNat op, LabSession session, StateRecorder recorder) {
        try {
            if (!op.family().equals("ip")) {
                throw new UnsupportedOperationException("IPv6 NAT is not supported yet; only IPv4 rules can be built");
            }
            int family = NfProto.NFPROTO_IPV4;
            List<NlMessage> changes = new ArrayList<>();
            changes.add(NftRequests.newTable(TableMessage.add(family, op.table())));
            changes.add(NftRequests.newChain(ChainMessage.natPostrouting(family, op.table(), CHAIN)));
            for (NatRule rule : op.rules()) {
                changes.add(NftRequests.appendRule(rule(family, op.table(), rule)));
            }
            recorder.aboutToCreateTable(op.node(), op.family(), op.table());
            NftablesTransaction.apply(session.netfilter(op.node()),
                    "add table " + op.family() + " " + op.table() + " in " + LabSession.where(op.node()), changes);
        } catch (RuntimeException e) {
            throw new OperationFailedException(op, e);
        }
    }

    private static netlab.netlink.nftables.RuleMessage rule(int family, String table, NatRule rule) {
        NatRuleBuilder builder = NatRuleBuilder.rule(family, table, CHAIN);
        rule.out().ifPresent(builder::matchOutputInterface);
        rule.src().map(Cidr::network).ifPresent(src -> builder.matchSource(src.address(), src.prefixLength()));
        rule.dst().map(Cidr::network).ifPresent(dst -> {
            if (rule.dstNegated()) {
                builder.matchDestinationNot(dst.address(), dst.prefixLength());
            } else {
                builder.matchDestination(dst.address(), dst.prefixLength());
            }
        });
        if (rule.isMasquerade()) {
            builder.masquerade();
        } else {
            builder.snatTo(rule.snatTo().orElseThrow());
        }
        return builder.build();
    }
}

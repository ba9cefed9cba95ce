package netlab.executor.step;

import static netlab.executor.step.Commands.inNode;
import static netlab.executor.step.Commands.where;

import java.util.ArrayList;
import java.util.List;
import netlab.kernel.NftablesTransaction;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.ChainMessage;
import netlab.netlink.nftables.NatRuleBuilder;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.RuleMessage;
import netlab.netlink.nftables.TableMessage;
import netlab.plan.Operation;
import netlab.topology.Addresses;
import netlab.topology.Cidr;
import netlab.topology.NatRule;

/**
 * {@code nft 'add table FAMILY netlab-LAB { chain postrouting { type nat hook postrouting priority
 * srcnat; RULE; ... }; }'}: the lab's own table in the node, its NAT chain and rules, in one
 * transaction (all of it, or none), as nft sends that command.
 *
 * <p>Undone: recorded before the transaction; {@code down} deletes the table in the host, and a
 * node's goes with the node.
 */
public record NatTableStep(Operation.ApplyNat operation) implements Step {
    static final String CHAIN = "postrouting";

    @Override
    public String command() {
        StringBuilder text = new StringBuilder(inNode(operation.node())).append("nft 'add table ")
                .append(operation.family()).append(' ').append(operation.table()).append(" { chain ").append(CHAIN)
                .append(" { type nat hook postrouting priority srcnat;");
        for (NatRule rule : operation.rules()) {
            text.append(' ').append(text(rule)).append(';');
        }
        // nft's grammar wants the chain's block closed with a ';' inside the table's.
        return text.append(" }; }'").toString();
    }

    @Override
    public List<Creation> creates() {
        return List.of(new Creation.Table(operation.node(), operation.family(), operation.table()));
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        List<InterfaceUse> uses = new ArrayList<>();
        operation.rules().forEach(rule -> rule.out().ifPresent(out -> uses.add(new InterfaceUse(out, rule.source()))));
        return uses;
    }

    public void run(StepContext context) {
        try {
            if (!operation.family().equals("ip")) {
                throw new UnsupportedOperationException("IPv6 NAT is not supported yet; only IPv4 rules can be built");
            }
            int family = NfProto.NFPROTO_IPV4;
            List<NlMessage> changes = new ArrayList<>();
            changes.add(NftRequests.newTable(TableMessage.add(family, operation.table())));
            changes.add(NftRequests.newChain(ChainMessage.natPostrouting(family, operation.table(), CHAIN)));
            for (NatRule rule : operation.rules()) {
                changes.add(NftRequests.appendRule(rule(family, operation.table(), rule)));
            }
            context.journal().aboutToCreate(creates());
            NftablesTransaction.apply(context.netfilter(operation.node()), "add table " + operation.family() + " "
                    + operation.table() + " in " + where(operation.node()), changes);
        } catch (RuntimeException e) {
            throw new StepFailedException(this, e);
        }
    }

    private static String text(NatRule rule) {
        StringBuilder text = new StringBuilder();
        rule.out().ifPresent(out -> text.append("oifname \"").append(out).append("\" "));
        rule.src().ifPresent(src -> text.append(src.isIpv4() ? "ip" : "ip6").append(" saddr ").append(src.network()).append(' '));
        rule.dst().ifPresent(dst -> text.append(dst.isIpv4() ? "ip" : "ip6").append(" daddr ")
                .append(rule.dstNegated() ? "!= " : "").append(dst.network()).append(' '));
        if (rule.isMasquerade()) {
            text.append("masquerade");
        } else {
            text.append("snat to ").append(Addresses.format(rule.snatTo().orElseThrow()));
        }
        return text.toString();
    }

    private static RuleMessage rule(int family, String table, NatRule rule) {
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

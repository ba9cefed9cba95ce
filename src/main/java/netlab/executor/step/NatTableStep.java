package netlab.executor.step;

import static netlab.executor.step.Commands.inNode;
import static netlab.executor.step.Commands.where;

import java.util.ArrayList;
import java.util.List;
import netlab.kernel.NftablesTransaction;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.ChainMessage;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.TableMessage;
import netlab.netlink.nftables.nat.IpFamily;
import netlab.netlink.nftables.nat.PrefixMatch;
import netlab.netlink.nftables.nat.SourceNatRule;
import netlab.plan.Operation;
import netlab.topology.Cidr;
import netlab.topology.NatRule;

/**
 * {@code nft 'add table FAMILY netlab-LAB { chain postrouting { type nat hook postrouting priority
 * srcnat; RULE; ... }; }'}: the lab's own table in the node, of family {@code ip} or {@code ip6},
 * its NAT chain and rules, in one transaction (all of it, or none), as nft sends that command.
 * Each rule's text and expressions come from the one model of the grammar ({@link SourceNatRule}).
 *
 * <p>Undone: recorded before the transaction; {@code down} deletes the table in the host, and a
 * node's goes with the node.
 */
public record NatTableStep(Operation.ApplyNat operation) implements Step {
    public static final String CHAIN = "postrouting";

    @Override
    public String command() {
        StringBuilder nft = new StringBuilder("add table ").append(operation.family()).append(' ')
                .append(operation.table()).append(" { chain ").append(CHAIN)
                .append(" { type nat hook postrouting priority srcnat;");
        rules().forEach(rule -> nft.append(' ').append(rule.text()).append(';'));
        // nft's grammar wants the chain's block closed with a ';' inside the table's.
        nft.append(" }; }");
        return inNode(operation.node()) + "nft " + Commands.quoted(nft.toString());
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
            int family = family().nfproto();
            List<NlMessage> changes = new ArrayList<>();
            changes.add(NftRequests.newTable(TableMessage.add(family, operation.table())));
            changes.add(NftRequests.newChain(ChainMessage.natPostrouting(family, operation.table(), CHAIN)));
            rules().forEach(rule -> changes.add(NftRequests.appendRule(rule.appendTo(operation.table(), CHAIN))));
            context.journal().aboutToCreate(creates());
            NftablesTransaction.apply(context.netfilter(operation.node()), "add table " + operation.family() + " "
                    + operation.table() + " in " + where(operation.node()), changes);
        } catch (RuntimeException e) {
            throw new StepFailedException(this, e);
        }
    }

    private IpFamily family() {
        return operation.family().equals("ip6") ? IpFamily.IPV6 : IpFamily.IPV4;
    }

    /** The file's rules in the grammar's model: a network, its length, and whether it is negated. */
    private List<SourceNatRule> rules() {
        return operation.rules().stream().map(rule -> new SourceNatRule(family(), rule.out(),
                rule.src().map(src -> prefix(src, false)), rule.dst().map(dst -> prefix(dst, rule.dstNegated())),
                rule.snatTo())).toList();
    }

    private static PrefixMatch prefix(Cidr cidr, boolean negated) {
        Cidr network = cidr.network();
        return new PrefixMatch(network.address(), network.prefixLength(), negated);
    }
}

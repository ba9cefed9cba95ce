package netlab.executor.step;

import static netlab.executor.step.Commands.inNode;
import static netlab.executor.step.Commands.where;

import java.util.List;
import netlab.kernel.NftablesTransaction;
import netlab.netlink.nftables.LossChain;
import netlab.netlink.nftables.NftRequests;
import netlab.plan.Operation;

/**
 * {@code nft 'add table netdev netlab-LAB { chain impair-IF { type filter hook ingress device "IF"
 * ...; numgen random mod 10000 < N drop; }; ... }'}: loss on the lab's links, dropped as frames
 * arrive at the far end of each impaired link (docs/impair.md), in the lab's own netdev table in
 * that node, in one transaction, as nft sends that command ({@link LossChain}).
 *
 * <p>Undone: recorded before the transaction; {@code down} deletes the table in the host, and a
 * node's goes with the node.
 */
public record LossTableStep(Operation.ApplyLoss operation) implements Step {
    @Override
    public String command() {
        return inNode(operation.node()) + "nft " + Commands.quoted(LossChain.addTable(operation.table(), chains()));
    }

    @Override
    public List<Creation> creates() {
        return List.of(new Creation.Table(operation.node(), "netdev", operation.table()));
    }

    /** The interfaces the chains hook: made by the lab, so up checks them as every step's. */
    @Override
    public List<InterfaceUse> interfacesUsed() {
        return operation.rules().stream().map(rule -> new InterfaceUse(rule.interfaceName(), operation.source())).toList();
    }

    public void run(StepContext context) {
        try {
            context.journal().aboutToCreate(creates());
            NftablesTransaction.apply(context.netfilter(operation.node()), "add table netdev " + operation.table() + " in "
                    + where(operation.node()), NftRequests.lossTable(operation.table(), chains()));
        } catch (RuntimeException e) {
            throw new StepFailedException(this, e);
        }
    }

    private List<LossChain> chains() {
        return operation.rules().stream().map(rule -> new LossChain(rule.interfaceName(), rule.hundredthsOfPercent())).toList();
    }
}

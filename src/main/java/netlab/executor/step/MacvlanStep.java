package netlab.executor.step;

import static netlab.executor.step.Commands.ip;
import static netlab.executor.step.Commands.quoted;
import static netlab.executor.step.Commands.isHost;
import static netlab.executor.step.Commands.netns;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.MacAddress;
import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkAttribute;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.MacvlanInfo;
import netlab.plan.Operation;

/**
 * {@code ip link add name NAME address MAC [netns NODE] link PARENT type macvlan mode MODE}: made in
 * the parent's namespace (the parent is named by its index there) and created directly in the
 * node that holds it.
 *
 * <p>Undone: in the host, with the lab's link group; in a node, with the node.
 */
public record MacvlanStep(Operation.CreateMacvlan operation) implements RtnetlinkStep {
    @Override
    public String command() {
        Operation.CreateMacvlan m = operation;
        return ip(m.node()) + " link add name " + quoted(m.name()) + " address " + m.mac()
                + (m.targetNode().equals(m.node()) ? "" : " " + netns(m.targetNode())) + " link " + quoted(m.parent())
                + " type macvlan mode " + m.mode().keyword();
    }

    @Override
    public List<Creation> creates() {
        return isHost(operation.targetNode()) ? List.of(new Creation.HostLink(operation.name())) : List.of();
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of(new InterfaceUse(operation.parent(), operation.source()));
    }

    @Override
    public NlMessage request(StepContext context) {
        Operation.CreateMacvlan m = operation;
        List<LinkAttribute> options = new ArrayList<>(List.of(new LinkAttribute.Address(MacAddress.parse(m.mac()))));
        if (!m.targetNode().equals(m.node())) {
            options.add(new LinkAttribute.NetNsFd(context.namespaceFd(m.targetNode())));
        }
        if (isHost(m.targetNode())) {
            options.add(new LinkAttribute.Group(context.group()));
        }
        return LinkRequests.createMacvlan(m.name(), options, context.index(m.node(), m.parent()), mode());
    }

    private int mode() {
        return switch (operation.mode()) {
            case PRIVATE -> MacvlanInfo.MACVLAN_MODE_PRIVATE;
            case VEPA -> MacvlanInfo.MACVLAN_MODE_VEPA;
            case BRIDGE -> MacvlanInfo.MACVLAN_MODE_BRIDGE;
        };
    }

    @Override
    public void learn(List<NlMessage> answer, StepContext context) {
        // Not echoed (the macvlan lives in another namespace than the request's): later steps find
        // its index in one read of that namespace's links, and a lab has few macvlans.
    }

    @Override
    public List<String> nodesWithNewLinks() {
        return List.of(operation.node(), operation.targetNode()).stream().distinct().toList();
    }
}

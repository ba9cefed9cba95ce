package netlab.executor.step;

import static netlab.executor.step.Commands.ip;
import static netlab.executor.step.Commands.quoted;
import static netlab.executor.step.Commands.isHost;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.MacAddress;
import netlab.netlink.NlMessage;
import netlab.netlink.NlmFlags;
import netlab.netlink.route.LinkAttribute;
import netlab.netlink.route.LinkRequests;
import netlab.plan.Operation;

/**
 * {@code ip link add name BR address MAC type bridge}. Asked with NLM_F_ECHO, so the answer gives its
 * index. In the host the request itself carries the lab's link group: the bridge never exists
 * unmarked.
 *
 * <p>Undone: in the host, with the lab's link group; in a node, with the node.
 */
public record BridgeStep(Operation.CreateBridge operation) implements RtnetlinkStep {
    @Override
    public String command() {
        return ip(operation.node()) + " link add name " + quoted(operation.name()) + " address " + operation.mac()
                + " type bridge";
    }

    @Override
    public List<Creation> creates() {
        return isHost(operation.node()) ? List.of(new Creation.HostLink(operation.name())) : List.of();
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return List.of();
    }

    @Override
    public NlMessage request(StepContext context) {
        List<LinkAttribute> options = new ArrayList<>(List.of(new LinkAttribute.Address(MacAddress.parse(operation.mac()))));
        if (isHost(operation.node())) {
            options.add(new LinkAttribute.Group(context.group()));
        }
        return LinkRequests.createBridge(operation.name(), options).withFlags(NlmFlags.NLM_F_ECHO);
    }

    @Override
    public void learn(List<NlMessage> answer, StepContext context) {
        Echoes.learnIndex(answer, context, operation.node(), operation.name());
    }

    @Override
    public List<String> nodesWithNewLinks() {
        return List.of(operation.node());
    }
}

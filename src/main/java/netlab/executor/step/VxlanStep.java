package netlab.executor.step;

import static netlab.executor.step.Commands.ip;
import static netlab.executor.step.Commands.isHost;
import static netlab.executor.step.Commands.quoted;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import netlab.netlink.MacAddress;
import netlab.netlink.NlMessage;
import netlab.netlink.NlmFlags;
import netlab.netlink.route.LinkAttribute;
import netlab.netlink.route.LinkRequests;
import netlab.netlink.route.VxlanInfo;
import netlab.plan.Operation;
import netlab.topology.Addresses;

/**
 * {@code ip link add name NAME address MAC [master BR] type vxlan id VNI remote ADDR [local ADDR]
 * dstport PORT nolearning [dev UNDERLAY]}: made in its own node, whose UDP socket it then uses, a
 * bridge port enslaved at once. Learning is off: the one remote is where every frame goes. Asked
 * with NLM_F_ECHO, so the answer gives its index; in the host the request carries the lab's link
 * group.
 *
 * <p>Undone: in the host, with the lab's link group; in a node, with the node.
 */
public record VxlanStep(Operation.CreateVxlan operation) implements RtnetlinkStep {
    @Override
    public String command() {
        Operation.CreateVxlan v = operation;
        return ip(v.node()) + " link add name " + quoted(v.name()) + " address " + v.mac()
                + v.master().map(master -> " master " + quoted(master)).orElse("") + " type vxlan id " + v.vni()
                + " remote " + Addresses.format(v.remote()) + v.local().map(l -> " local " + Addresses.format(l)).orElse("")
                + " dstport " + v.port() + " nolearning" + v.underlay().map(u -> " dev " + quoted(u)).orElse("");
    }

    @Override
    public List<Creation> creates() {
        return isHost(operation.node()) ? List.of(new Creation.HostLink(operation.name())) : List.of();
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        List<InterfaceUse> used = new ArrayList<>();
        operation.master().ifPresent(master -> used.add(new InterfaceUse(master, operation.source())));
        operation.underlay().ifPresent(underlay -> used.add(new InterfaceUse(underlay, operation.source())));
        return used;
    }

    @Override
    public NlMessage request(StepContext context) {
        Operation.CreateVxlan v = operation;
        List<LinkAttribute> options = new ArrayList<>(List.of(new LinkAttribute.Address(MacAddress.parse(v.mac()))));
        v.master().ifPresent(master -> options.add(new LinkAttribute.Master(context.index(v.node(), master))));
        if (isHost(v.node())) {
            options.add(new LinkAttribute.Group(context.group()));
        }
        OptionalInt underlay = v.underlay().isPresent() ? OptionalInt.of(context.index(v.node(), v.underlay().get()))
                : OptionalInt.empty();
        return LinkRequests.createVxlan(v.name(), options,
                VxlanInfo.pointToPoint(v.vni(), v.remote(), v.local(), underlay, v.port())).withFlags(NlmFlags.NLM_F_ECHO);
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

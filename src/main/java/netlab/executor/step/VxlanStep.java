package netlab.executor.step;

import static netlab.executor.step.Commands.ip;
import static netlab.executor.step.Commands.isHost;
import static netlab.executor.step.Commands.netns;
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
import netlab.topology.Node;

/**
 * {@code ip link add name NAME address MAC [master BR] type vxlan id VNI remote ADDR [local ADDR]
 * dstport PORT nolearning [dev UNDERLAY]}: made in its own node, whose UDP socket it then uses, a
 * bridge port enslaved at once. Learning is off: the far ends the file gives are where frames go.
 * Asked with NLM_F_ECHO, so the answer gives its index; in the host the request carries the lab's
 * link group.
 *
 * <p>Over the machine ({@code underlay host}) the host makes it, directly in its node ({@code
 * netns NODE}): a vxlan's socket is in the namespace of the request, and the tunnel must reach
 * other machines. The kernel finds the master in the node the link is made in.
 *
 * <p>Undone: in the host, with the lab's link group; in a node, with the node.
 */
public record VxlanStep(Operation.CreateVxlan operation) implements RtnetlinkStep {
    @Override
    public String node() {
        return operation.machine() ? Node.HOST : operation.node();
    }

    private boolean madeElsewhere() {
        return !node().equals(operation.node());
    }

    @Override
    public String command() {
        Operation.CreateVxlan v = operation;
        String master = v.master().map(m -> " master " + quoted(m)).orElse("");
        String add = ip(node()) + " link add name " + quoted(v.name()) + " address " + v.mac()
                + (madeElsewhere() ? " " + netns(v.node()) : master) + " type vxlan id " + v.vni()
                + " remote " + Addresses.format(v.remote()) + v.local().map(l -> " local " + Addresses.format(l)).orElse("")
                + " dstport " + v.port() + " nolearning" + v.underlay().map(u -> " dev " + quoted(u)).orElse("");
        // ip looks a master up where it runs: once the link is in its node, name it there.
        return madeElsewhere() && !master.isEmpty()
                ? add + " && " + ip(v.node()) + " link set " + quoted(v.name()) + master : add;
    }

    @Override
    public List<Creation> creates() {
        return isHost(operation.node()) ? List.of(new Creation.HostLink(operation.name())) : List.of();
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        if (madeElsewhere()) {
            return List.of(); // its master is in its node, made by the plan: not an interface of the host
        }
        List<InterfaceUse> used = new ArrayList<>();
        operation.master().ifPresent(master -> used.add(new InterfaceUse(master, operation.source())));
        operation.underlay().ifPresent(underlay -> used.add(new InterfaceUse(underlay, operation.source())));
        return used;
    }

    @Override
    public NlMessage request(StepContext context) {
        Operation.CreateVxlan v = operation;
        List<LinkAttribute> options = new ArrayList<>(List.of(new LinkAttribute.Address(MacAddress.parse(v.mac()))));
        if (madeElsewhere()) {
            options.add(new LinkAttribute.NetNsFd(context.namespaceFd(v.node())));
        }
        v.master().ifPresent(master -> options.add(new LinkAttribute.Master(context.index(v.node(), master))));
        if (isHost(v.node())) {
            options.add(new LinkAttribute.Group(context.group()));
        }
        OptionalInt underlay = v.underlay().isPresent() ? OptionalInt.of(context.index(v.node(), v.underlay().get()))
                : OptionalInt.empty();
        NlMessage request = LinkRequests.createVxlan(v.name(), options,
                VxlanInfo.pointToPoint(v.vni(), v.remote(), v.local(), underlay, v.port()));
        // Made in another namespace than the request's, it is not echoed: later steps read its index.
        return madeElsewhere() ? request : request.withFlags(NlmFlags.NLM_F_ECHO);
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

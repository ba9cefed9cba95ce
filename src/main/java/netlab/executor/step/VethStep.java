package netlab.executor.step;

import static netlab.executor.step.Commands.ip;
import static netlab.executor.step.Commands.quoted;
import static netlab.executor.step.Commands.isHost;
import static netlab.executor.step.Commands.netns;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.MacAddress;
import netlab.netlink.NlMessage;
import netlab.netlink.NlmFlags;
import netlab.netlink.route.LinkAttribute;
import netlab.netlink.route.LinkRequests;
import netlab.plan.Operation;

/**
 * {@code ip link add name NAME address MAC [master BR] numtxqueues 1 numrxqueues 1 type veth peer name
 * PEER address MAC [netns NODE] numtxqueues 1 numrxqueues 1}: both ends in one request, the peer
 * created directly in its namespace and a bridge port enslaved at once. Asked with NLM_F_ECHO:
 * the echoed link gives this end's index and, in IFLA_LINK, the peer's index in the peer's
 * namespace.
 *
 * <p>Both ends get one queue each way. Without the counts the kernel allocates one queue per CPU
 * and then cuts the pair down to one in use, waiting for an RCU grace period each time; asked for
 * at once, it skips that (creating a star's veths takes a third less time). Host ends carry the
 * lab's link group from the start.
 *
 * <p>Undone: host ends with the lab's link group; an end in a node with the node (deleting one
 * end of a pair deletes the other).
 */
public record VethStep(Operation.CreateVeth operation) implements RtnetlinkStep {
    private static final List<LinkAttribute> ONE_QUEUE =
            List.of(new LinkAttribute.NumTxQueues(1), new LinkAttribute.NumRxQueues(1));
    private static final String ONE_QUEUE_WORDS = " numtxqueues 1 numrxqueues 1";

    @Override
    public String command() {
        Operation.CreateVeth v = operation;
        return ip(v.node()) + " link add name " + quoted(v.name()) + " address " + v.mac()
                + v.master().map(master -> " master " + quoted(master)).orElse("") + ONE_QUEUE_WORDS
                + " type veth peer name " + quoted(v.peerName()) + " address " + v.peerMac()
                + (v.peerNode().equals(v.node()) ? "" : " " + netns(v.peerNode())) + ONE_QUEUE_WORDS;
    }

    @Override
    public List<Creation> creates() {
        List<Creation> creations = new ArrayList<>();
        if (isHost(operation.node())) {
            creations.add(new Creation.HostLink(operation.name()));
        }
        if (isHost(operation.peerNode())) {
            creations.add(new Creation.HostLink(operation.peerName()));
        }
        return creations;
    }

    @Override
    public List<InterfaceUse> interfacesUsed() {
        return operation.master().map(master -> List.of(new InterfaceUse(master, operation.source()))).orElse(List.of());
    }

    @Override
    public NlMessage request(StepContext context) {
        Operation.CreateVeth v = operation;
        List<LinkAttribute> end = new ArrayList<>(List.of(new LinkAttribute.Address(MacAddress.parse(v.mac()))));
        v.master().ifPresent(master -> end.add(new LinkAttribute.Master(context.index(v.node(), master))));
        List<LinkAttribute> peer = new ArrayList<>(List.of(new LinkAttribute.Address(MacAddress.parse(v.peerMac()))));
        if (!v.peerNode().equals(v.node())) {
            peer.add(new LinkAttribute.NetNsFd(context.namespaceFd(v.peerNode())));
        }
        // The ownership mark, which the command leaves out (as every host link's group).
        if (isHost(v.node())) {
            end.add(new LinkAttribute.Group(context.group()));
        }
        if (isHost(v.peerNode())) {
            peer.add(new LinkAttribute.Group(context.group()));
        }
        end.addAll(ONE_QUEUE);
        peer.addAll(ONE_QUEUE);
        return LinkRequests.createVeth(v.name(), end, v.peerName(), peer).withFlags(NlmFlags.NLM_F_ECHO);
    }

    @Override
    public void learn(List<NlMessage> answer, StepContext context) {
        Echoes.link(answer, operation.name()).ifPresent(link -> {
            context.learnIndex(operation.node(), operation.name(), link.index());
            link.link().ifPresent(peer -> context.learnIndex(operation.peerNode(), operation.peerName(), peer));
        });
    }

    @Override
    public List<String> nodesWithNewLinks() {
        return List.of(operation.node(), operation.peerNode()).stream().distinct().toList();
    }
}

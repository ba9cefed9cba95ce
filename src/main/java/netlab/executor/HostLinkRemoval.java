package netlab.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import netlab.executor.step.LinkUpStep;
import netlab.kernel.KernelException;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.LinkRequests;
import netlab.state.LabState;
import netlab.sys.Errno;
import netlab.topology.Node;

/**
 * The lab's interfaces in the host, removed: those in the lab's link group that are provably its
 * own, by the alias {@code netlab:LAB} its up sets or by a name its record holds (an interface
 * made but not yet set up). Usually that is the whole group, deleted in one request, renamed
 * interfaces included; an interface someone else put into the group is left alone (with a note)
 * and the lab's own are then deleted one by one. An interface someone added to a lab bridge keeps
 * its own group and is only detached (deleting a bridge releases its ports).
 */
final class HostLinkRemoval {
    /** The deletion under way, and what it leaves alone. */
    record Started(CompletableFuture<?> deletion, List<String> notes) {}

    private HostLinkRemoval() {}

    static Started start(LabSession session, LabState state) {
        String alias = LinkUpStep.alias(state.lab());
        List<LinkMessage> ours = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        session.forgetLinks(Node.HOST);
        for (LinkMessage link : session.links(Node.HOST).values()) {
            if (link.group().filter(g -> g == state.group()).isEmpty()) {
                continue;
            }
            String name = link.name().orElse("if" + link.index());
            if (link.alias().filter(alias::equals).isPresent() || state.hostLinks().contains(name)) {
                ours.add(link);
            } else {
                notes.add(name + " is in lab " + state.lab() + "'s link group " + Integer.toUnsignedString(state.group())
                        + " but is not the lab's (no alias " + alias + ", not recorded); left alone");
            }
        }
        if (ours.isEmpty()) {
            return new Started(CompletableFuture.completedFuture(null), notes);
        }
        if (notes.isEmpty()) {
            return new Started(tolerant(session.route(Node.HOST).send(new NetlinkRequest("delete the interfaces of lab "
                    + state.lab() + " (group " + Integer.toUnsignedString(state.group()) + ") in the host namespace",
                    LinkRequests.deleteGroup(state.group())))), notes);
        }
        List<NetlinkRequest> deletions = ours.stream().map(link -> new NetlinkRequest("delete "
                + link.name().orElse("if" + link.index()) + " of lab " + state.lab() + " in the host namespace",
                LinkRequests.delete(link.index()))).toList();
        return new Started(CompletableFuture.allOf(session.route(Node.HOST).sendAll(deletions).stream()
                .map(HostLinkRemoval::tolerant).toArray(CompletableFuture[]::new)), notes);
    }

    /** ENODEV: gone already (the group emptied meanwhile, or a veth went with its peer). */
    private static CompletableFuture<List<NlMessage>> tolerant(CompletableFuture<List<NlMessage>> deletion) {
        return deletion.exceptionallyCompose(failure -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
            return cause instanceof KernelException k && k.errno() == Errno.ENODEV
                    ? CompletableFuture.completedFuture(List.of()) : CompletableFuture.failedFuture(cause);
        });
    }
}

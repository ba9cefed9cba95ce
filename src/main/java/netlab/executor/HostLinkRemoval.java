package netlab.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import netlab.executor.step.LinkUpStep;
import netlab.kernel.KernelException;
import netlab.kernel.NetlinkChannel;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkMessage;
import netlab.netlink.route.LinkRequests;
import netlab.state.LabState;
import netlab.sys.Errno;

/**
 * The lab's interfaces in the host, removed: those in the lab's link group that are provably its
 * own, by the alias {@code netlab:LAB} its up sets or by a name its record holds (an interface
 * made but not yet set up). Usually that is the whole group, deleted in one request, renamed
 * interfaces included; an interface someone else put into the group is left alone (with a note)
 * and the lab's own are then deleted one by one. An interface someone added to a lab bridge keeps
 * its own group and is only detached (deleting a bridge releases its ports).
 */
final class HostLinkRemoval {
    /**
     * The removal under way: what it leaves alone, known once the host's interfaces are listed,
     * and the deletion, done once the kernel has deleted them.
     */
    record Started(CompletableFuture<List<String>> notes, CompletableFuture<?> deletion) {}

    private HostLinkRemoval() {}

    /**
     * Lists the host's interfaces and deletes the lab's, all through {@code host} (safe from any
     * thread) without waiting: the caller goes on while the kernel answers, and a big lab's list
     * (a few hundred KB of attributes) is decoded on the channel's thread meanwhile.
     */
    static Started start(NetlinkChannel host, LabState state) {
        CompletableFuture<List<NlMessage>> listed = host.send(new NetlinkRequest("list the interfaces of the host",
                LinkRequests.dump()));
        CompletableFuture<Decision> decided = listed.thenApply(replies -> decide(replies, state));
        CompletableFuture<?> deletion = decided.thenCompose(decision -> delete(host, state, decision));
        return new Started(decided.thenApply(Decision::notes), deletion);
    }

    /** The lab's own interfaces in the host, and a note for each in its group that is not. */
    private record Decision(List<LinkMessage> ours, List<String> notes) {}

    private static Decision decide(List<NlMessage> replies, LabState state) {
        String alias = LinkUpStep.alias(state.lab());
        List<LinkMessage> ours = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (NlMessage reply : replies) {
            LinkMessage link = (LinkMessage) reply.payload();
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
        return new Decision(ours, notes);
    }

    private static CompletableFuture<?> delete(NetlinkChannel host, LabState state, Decision decision) {
        if (decision.ours().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (decision.notes().isEmpty()) {
            return tolerant(host.send(new NetlinkRequest("delete the interfaces of lab " + state.lab() + " (group "
                    + Integer.toUnsignedString(state.group()) + ") in the host namespace",
                    LinkRequests.deleteGroup(state.group()))));
        }
        List<NetlinkRequest> deletions = decision.ours().stream().map(link -> new NetlinkRequest("delete "
                + link.name().orElse("if" + link.index()) + " of lab " + state.lab() + " in the host namespace",
                LinkRequests.delete(link.index()))).toList();
        return CompletableFuture.allOf(host.sendAll(deletions).stream()
                .map(HostLinkRemoval::tolerant).toArray(CompletableFuture[]::new));
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

package netlab.executor.step;

import java.util.List;
import java.util.Optional;
import netlab.netlink.NlMessage;
import netlab.netlink.route.LinkMessage;

/**
 * The kernel's echo of a link creation (NLM_F_ECHO): the new link as it would be dumped, with its
 * index and, for a veth, in IFLA_LINK, its peer's index in the peer's namespace. A kernel that
 * sends no echo teaches nothing, and the indexes are looked up when needed.
 */
final class Echoes {
    private Echoes() {}

    /** Teaches the session the index of the new link {@code name} of {@code node}, when echoed. */
    static void learnIndex(List<NlMessage> answer, StepContext context, String node, String name) {
        link(answer, name).ifPresent(link -> context.learnIndex(node, name, link.index()));
    }

    /** The echoed link named {@code name}, if the answer holds it. */
    static Optional<LinkMessage> link(List<NlMessage> answer, String name) {
        for (NlMessage reply : answer) {
            if (reply.payload() instanceof LinkMessage link && link.name().filter(name::equals).isPresent()) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }
}

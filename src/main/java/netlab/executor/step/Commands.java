package netlab.executor.step;

import java.util.regex.Pattern;
import netlab.topology.NetInterface;
import netlab.topology.Node;

/**
 * The pieces every step's command line shares: where it runs, how it names a namespace, and how
 * it writes a name so that the shell running the plan reads exactly that name. ip reads a bare
 * name that is one of its keywords ({@code up}, {@code dev}, {@code mtu}, ...) as the keyword, so
 * the steps always write {@code link add name X} and {@code link set dev X}.
 */
final class Commands {
    /**
     * The host namespace in a command: the namespace of the shell that runs the plan, which is
     * the one netlab runs in. Not {@code netns 1}: PID 1 lives in another namespace inside a
     * sandbox or a container. The shell expands {@code $$} before {@code ip} switches namespace
     * for {@code -n}, so the path names the shell's namespace, not the node's.
     */
    static final String HOST_NAMESPACE = "/proc/$$/ns/net";

    /** Characters no POSIX shell gives a meaning to, in any position of a word. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./@%+=,-]+");

    private Commands() {}

    /**
     * {@code text} as one shell word: as it is when it is plain, else in single quotes (each
     * {@code '} written {@code '\''}). Names in a topology file may hold {@code $}, {@code ;},
     * {@code *} or quotes, which a shell would otherwise expand or obey.
     */
    static String quoted(String text) {
        return PLAIN.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    static boolean isHost(String node) {
        return Node.HOST.equals(node);
    }

    /** The host's own lo: not the lab's, so what a step sets on it is recorded and undone. */
    static boolean isHostLoopback(String node, String interfaceName) {
        return isHost(node) && NetInterface.Loopback.NAME.equals(interfaceName);
    }

    /** {@code ip} or {@code ip -n NODE}: an {@code ip} command working in {@code node}. */
    static String ip(String node) {
        return isHost(node) ? "ip" : "ip -n " + quoted(node);
    }

    /** {@code netns NODE}: a new link placed in {@code node}. */
    static String netns(String node) {
        return "netns " + (isHost(node) ? HOST_NAMESPACE : quoted(node));
    }

    /** Nothing, or {@code ip netns exec NODE }: any other program run in {@code node}. */
    static String inNode(String node) {
        return isHost(node) ? "" : "ip netns exec " + quoted(node) + " ";
    }

    /** Where a step works, in a user's words: "ns1" or "the host namespace". */
    static String where(String node) {
        return isHost(node) ? "the host namespace" : node;
    }
}

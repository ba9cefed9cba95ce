package netlab.executor.step;

import netlab.topology.Node;

/** The pieces every step's command line shares: where it runs, and how it names a namespace. */
final class Commands {
    /**
     * The host namespace in a command: the namespace of the shell that runs the plan, which is
     * the one netlab runs in. Not {@code netns 1}: PID 1 lives in another namespace inside a
     * sandbox or a container. The shell expands {@code $$} before {@code ip} switches namespace
     * for {@code -n}, so the path names the shell's namespace, not the node's.
     */
    static final String HOST_NAMESPACE = "/proc/$$/ns/net";

    private Commands() {}

    static boolean isHost(String node) {
        return Node.HOST.equals(node);
    }

    /** {@code ip} or {@code ip -n NODE}: an {@code ip} command working in {@code node}. */
    static String ip(String node) {
        return isHost(node) ? "ip" : "ip -n " + node;
    }

    /** {@code netns NODE}: a new link placed in {@code node}. */
    static String netns(String node) {
        return "netns " + (isHost(node) ? HOST_NAMESPACE : node);
    }

    /** Nothing, or {@code ip netns exec NODE }: any other program run in {@code node}. */
    static String inNode(String node) {
        return isHost(node) ? "" : "ip netns exec " + node + " ";
    }

    /** Where a step works, in a user's words: "ns1" or "the host namespace". */
    static String where(String node) {
        return isHost(node) ? "the host namespace" : node;
    }
}

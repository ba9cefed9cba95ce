package netlab.executor.step;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkChannel;
import netlab.sys.NetlinkSocket;

/**
 * What a step works with while {@code up} runs: the lab's namespaces and netlink channels, the
 * indexes of interfaces by name, and the lab's record.
 */
public interface StepContext {
    /** The lab's name. */
    String lab();

    /** The link group that marks the lab's interfaces in the host. */
    int group();

    /** The record to write before each change. */
    Journal journal();

    /** The lab's own directory, its record's: its hosts file and its nodes' UTS namespaces are kept there. */
    Path labDirectory();

    /** Where the nodes' /etc/netns files go, or empty when this lab's nodes get none (see EtcNetns). */
    Optional<Path> etcNetns();

    /** The host sysctls the machine's labs share. */
    SharedHostSysctls hostSysctls();

    NetNamespace namespace(String node);

    /** An open file descriptor of {@code node}'s namespace: what a request names it by. */
    default int namespaceFd(String node) {
        return namespace(node).fd();
    }

    NetlinkChannel route(String node);

    NetlinkChannel netfilter(String node);

    /** The index of interface {@code name} in {@code node}, looked up if not known yet. */
    int index(String node, String name);

    /** The MTU interface {@code name} of {@code node} has now. */
    int mtu(String node, String name);

    /** Where a link the lab just made is: from the kernel's echo of the request that made it. */
    void learnIndex(String node, String name, int index);

    /** Makes sure the indexes of these interfaces are known, looking up all unknown ones at once. */
    void prefetchIndexes(Map<String, Set<String>> namesByNode);

    /** Links were created in {@code node}: its list of links must be read again when next needed. */
    void forgetLinks(String node);

    /** Namespaces just made, and the rtnetlink sockets opened inside them (a failed one has none). */
    void adopt(Map<String, NetNamespace> made, Map<String, NetlinkSocket> routeSockets);
}

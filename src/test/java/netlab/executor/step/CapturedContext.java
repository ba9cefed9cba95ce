package netlab.executor.step;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.kernel.NetNamespace;
import netlab.kernel.NetlinkChannel;
import netlab.sys.NetlinkSocket;

/**
 * A step context that answers with the values a capture had: the indexes the interfaces had and
 * the descriptor ip opened for a namespace. Steps only build their requests with it; it reaches
 * no kernel.
 */
record CapturedContext(Map<String, Integer> indexes, int namespaceFd) implements StepContext {
    @Override
    public String lab() {
        return "lab";
    }

    @Override
    public int group() {
        return 7;
    }

    @Override
    public Journal journal() {
        return Journal.NONE;
    }

    @Override
    public Path labDirectory() {
        throw new UnsupportedOperationException("a captured context has no lab directory");
    }

    @Override
    public Optional<Path> etcNetns() {
        throw new UnsupportedOperationException("a captured context writes no files");
    }

    @Override
    public SharedHostSysctls hostSysctls() {
        throw new UnsupportedOperationException("a captured context sets nothing");
    }

    @Override
    public int index(String node, String name) {
        Integer index = indexes.get(node + ":" + name);
        if (index == null) {
            throw new AssertionError("the capture had no interface " + node + ":" + name);
        }
        return index;
    }

    @Override
    public int mtu(String node, String name) {
        throw new UnsupportedOperationException("a captured context knows no MTU");
    }

    @Override
    public int namespaceFd(String node) {
        return namespaceFd;
    }

    @Override
    public NetNamespace namespace(String node) {
        throw new UnsupportedOperationException("a captured context has no namespaces");
    }

    @Override
    public NetlinkChannel route(String node) {
        throw new UnsupportedOperationException("a captured context reaches no kernel");
    }

    @Override
    public NetlinkChannel netfilter(String node) {
        throw new UnsupportedOperationException("a captured context reaches no kernel");
    }

    @Override
    public void learnIndex(String node, String name, int index) {}

    @Override
    public void prefetchIndexes(Map<String, Set<String>> namesByNode) {}

    @Override
    public void forgetLinks(String node) {}

    @Override
    public void adopt(Map<String, NetNamespace> made, Map<String, NetlinkSocket> routeSockets) {}
}

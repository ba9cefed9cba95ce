package netlab.kernel.probe;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NetNamespace;
import netlab.testing.Shell;

/**
 * A throwaway network built with ip(8), the tests' independent hand, and torn down by it:
 * namespaces (their links go with them), bridges in the sandbox's own namespace, and the
 * handles the prober is given.
 */
final class IpLab implements AutoCloseable {
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> hostLinks = new ArrayList<>();
    private final List<NetNamespace> handles = new ArrayList<>();

    /** {@code ip netns add NAME} and {@code ip -n NAME link set lo up}; returns a handle on it. */
    NetNamespace namespace(String name) {
        Shell.check("ip", "netns", "add", name);
        namespaces.add(name);
        ip(name, "link", "set", "lo", "up");
        return handle(name);
    }

    NetNamespace handle(String name) {
        NetNamespace handle = name == null ? NetNamespace.host() : NamedNamespaces.open(name);
        handles.add(handle);
        return handle;
    }

    /** A veth pair from {@code a}'s {@code aIf} to {@code b}'s {@code bIf}, both up. */
    void veth(String a, String aIf, String b, String bIf) {
        ip(a, "link", "add", aIf, "type", "veth", "peer", "name", bIf, "netns", b);
        ip(a, "link", "set", aIf, "up");
        ip(b, "link", "set", bIf, "up");
    }

    /** A bridge in the sandbox's own namespace, up. */
    void bridge(String name) {
        Shell.check("ip", "link", "add", name, "type", "bridge");
        hostLinks.add(name);
        Shell.check("ip", "link", "set", name, "up");
    }

    /** {@code ip addr add CIDR dev IF}, IPv6 ones with nodad so they are usable at once. */
    void address(String namespace, String device, String cidr) {
        if (cidr.contains(":")) {
            ip(namespace, "addr", "add", cidr, "dev", device, "nodad");
        } else {
            ip(namespace, "addr", "add", cidr, "dev", device);
        }
    }

    /** An address literal, e.g. "10.0.0.1" or "fd00::1". */
    static InetAddress address(String literal) {
        return InetAddress.ofLiteral(literal);
    }

    /** {@code ip -n NS ARGS...}. */
    static String ip(String namespace, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
        command.addAll(List.of(args));
        return Shell.check(command.toArray(String[]::new));
    }

    /** Runs a command inside a namespace, as {@code ip netns exec NS ...}. */
    static Shell.Result exec(String namespace, String... command) {
        List<String> all = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        all.addAll(List.of(command));
        return Shell.run(all.toArray(String[]::new));
    }

    /** Deletes all it made, then checks with ip that none of it is left. */
    @Override
    public void close() {
        handles.forEach(NetNamespace::close);
        namespaces.forEach(name -> Shell.run("ip", "netns", "del", name));
        hostLinks.forEach(name -> Shell.run("ip", "link", "del", name));
        List<String> left = new ArrayList<>(Shell.check("ip", "netns", "list").lines()
                .map(line -> line.split(" ")[0]).filter(namespaces::contains).toList());
        hostLinks.stream().filter(name -> Shell.run("ip", "link", "show", name).exitCode() == 0).forEach(left::add);
        if (!left.isEmpty()) {
            throw new IllegalStateException("the test left " + left);
        }
    }
}

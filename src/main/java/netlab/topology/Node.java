package netlab.topology;

import java.util.List;
import java.util.Optional;

/**
 * A node: a named network namespace, or the host block (the namespace netlab runs in, never
 * created or deleted, though what the lab creates there is). Interfaces include {@code lo}.
 */
public record Node(String name, Source source, List<NetInterface> interfaces, List<Route> routes,
        List<Neighbour> neighbours, List<SysctlSetting> sysctls, List<NatRule> nat) {
    /** The name of the host block; no node may be called this. */
    public static final String HOST = "host";

    public Node {
        interfaces = List.copyOf(interfaces);
        routes = List.copyOf(routes);
        neighbours = List.copyOf(neighbours);
        sysctls = List.copyOf(sysctls);
        nat = List.copyOf(nat);
    }

    public boolean isHost() {
        return HOST.equals(name);
    }

    public Optional<NetInterface> netInterface(String interfaceName) {
        return interfaces.stream().filter(i -> i.name().equals(interfaceName)).findFirst();
    }
}

package netlab.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A node: a named network namespace, or the host block (the namespace netlab runs in, never
 * created or deleted, though what the lab creates there is). Interfaces include {@code lo}.
 * Immutable. Not a record only because it keeps its interfaces by name as well: the host of a
 * big star has thousands, and the planner looks each one up.
 */
public final class Node {
    /** The name of the host block; no node may be called this. */
    public static final String HOST = "host";

    private final String name;
    private final Source source;
    private final List<NetInterface> interfaces;
    private final Map<String, NetInterface> interfacesByName = new LinkedHashMap<>();
    private final List<Route> routes;
    private final List<Neighbour> neighbours;
    private final List<SysctlSetting> sysctls;
    private final List<NatRule> nat;
    private final List<Impairment> impairments;

    /** A node whose links are not impaired. */
    public Node(String name, Source source, List<NetInterface> interfaces, List<Route> routes,
            List<Neighbour> neighbours, List<SysctlSetting> sysctls, List<NatRule> nat) {
        this(name, source, interfaces, routes, neighbours, sysctls, nat, List.of());
    }

    public Node(String name, Source source, List<NetInterface> interfaces, List<Route> routes,
            List<Neighbour> neighbours, List<SysctlSetting> sysctls, List<NatRule> nat, List<Impairment> impairments) {
        this.name = Objects.requireNonNull(name);
        this.source = Objects.requireNonNull(source);
        this.interfaces = List.copyOf(interfaces);
        this.routes = List.copyOf(routes);
        this.neighbours = List.copyOf(neighbours);
        this.sysctls = List.copyOf(sysctls);
        this.nat = List.copyOf(nat);
        this.impairments = List.copyOf(impairments);
        for (NetInterface i : this.interfaces) {
            interfacesByName.putIfAbsent(i.name(), i);
        }
    }

    public String name() {
        return name;
    }

    /** The statement of the topology file that opens this node's block. */
    public Source source() {
        return source;
    }

    public List<NetInterface> interfaces() {
        return interfaces;
    }

    public List<Route> routes() {
        return routes;
    }

    public List<Neighbour> neighbours() {
        return neighbours;
    }

    public List<SysctlSetting> sysctls() {
        return sysctls;
    }

    public List<NatRule> nat() {
        return nat;
    }

    /** The node's impaired interfaces, at most one impairment each ({@code both} lines included). */
    public List<Impairment> impairments() {
        return impairments;
    }

    public boolean isHost() {
        return HOST.equals(name);
    }

    public Optional<NetInterface> netInterface(String interfaceName) {
        return Optional.ofNullable(interfacesByName.get(interfaceName));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Node that && name.equals(that.name) && source.equals(that.source)
                && interfaces.equals(that.interfaces) && routes.equals(that.routes)
                && neighbours.equals(that.neighbours) && sysctls.equals(that.sysctls) && nat.equals(that.nat)
                && impairments.equals(that.impairments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, source, interfaces, routes, neighbours, sysctls, nat, impairments);
    }

    @Override
    public String toString() {
        return "Node[name=" + name + ", source=" + source + ", interfaces=" + interfaces + ", routes=" + routes
                + ", neighbours=" + neighbours + ", sysctls=" + sysctls + ", nat=" + nat + ", impairments=" + impairments + "]";
    }
}

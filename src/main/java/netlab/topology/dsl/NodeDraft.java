package netlab.topology.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.topology.Impairment;
import netlab.topology.NatRule;
import netlab.topology.Neighbour;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.Route;
import netlab.topology.Source;
import netlab.topology.SysctlSetting;

/**
 * A node while the resolver fills it: interfaces by name, and its routes, neighbours, sysctls, NAT
 * and impairments.
 */
final class NodeDraft {
    final String name;
    final Source source;
    final Map<String, InterfaceDraft> interfaces = new LinkedHashMap<>();
    final List<Syntax.Route> routes = new ArrayList<>();
    final List<Neighbour> neighbours = new ArrayList<>();
    final Map<String, SysctlSetting> sysctls = new LinkedHashMap<>();
    final List<NatRule> nat = new ArrayList<>();
    final List<Impairment> impairments = new ArrayList<>();

    NodeDraft(String name, Source source) {
        this.name = name;
        this.source = source;
        interfaces.put(NetInterface.Loopback.NAME,
                new InterfaceDraft(InterfaceDraft.Kind.LOOPBACK, name, NetInterface.Loopback.NAME, source));
    }

    boolean isHost() {
        return Node.HOST.equals(name);
    }

    /** lo first, then the interfaces in the order their statements appear in the file. */
    Node build() {
        List<NetInterface> built = interfaces.values().stream()
                .sorted(Comparator.comparing((InterfaceDraft d) -> d.kind != InterfaceDraft.Kind.LOOPBACK)
                        .thenComparingInt(d -> d.source.line())
                        .thenComparingInt(d -> d.source.column()))
                .map(InterfaceDraft::build)
                .toList();
        List<Route> builtRoutes = routes.stream()
                .map(r -> new Route(r.destination().value(), r.via().map(Located::value),
                        r.dev().map(Word::text), r.onlink(), r.metric(), r.src().map(Located::value), r.source()))
                .toList();
        // In the order of their lines: a 'both' written in another block sits where it was written.
        List<Impairment> builtImpairments = impairments.stream()
                .sorted(Comparator.comparingInt((Impairment i) -> i.source().line()).thenComparingInt(i -> i.source().column()))
                .toList();
        return new Node(name, source, built, builtRoutes, neighbours, List.copyOf(sysctls.values()), nat, builtImpairments);
    }
}

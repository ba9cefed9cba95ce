package netlab.topology.dsl;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.topology.Endpoint;
import netlab.topology.Expectation;
import netlab.topology.Lab;
import netlab.topology.Mtus;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.Source;

/**
 * Syntax to model. Passes, so that nothing depends on the order of blocks: nodes; bridges;
 * vxlans; links and macvlans (the interfaces they make, in both nodes); then each block's
 * addresses, MTUs, neighbours, sysctls, NAT and routes; the vxlans' underlays (the interfaces
 * holding their {@code local} addresses); then impairments (a {@code both} reaches the far
 * end of a veth); then the checks that need the whole lab (duplicate addresses, gateway
 * reachability, what the MTUs allow, tbf's frames); then the expectations, against the lab built.
 */
final class Resolver {
    private final Problems problems;
    private final Map<String, NodeDraft> nodes = new LinkedHashMap<>();
    private final Map<Syntax.Block, NodeDraft> owners = new IdentityHashMap<>();

    private Resolver(Problems problems) {
        this.problems = problems;
    }

    static Lab resolve(Syntax.File file, String fileName, Problems problems) {
        Resolver resolver = new Resolver(problems);
        String name = resolver.labName(file, fileName);
        resolver.nodes(file.blocks());
        resolver.bridges(file.blocks());
        // Vxlans before links and macvlans: a macvlan's parent is checked against every interface.
        VxlanResolver vxlans = new VxlanResolver(problems, resolver.nodes, resolver.owners);
        vxlans.create(file.blocks());
        new LinkResolver(problems, resolver.nodes, resolver.owners).resolve(file.blocks());
        vxlans.masters();
        new BlockResolver(problems, resolver.owners).resolve(file.blocks());
        vxlans.underlays();
        ImpairResolver impairs = new ImpairResolver(problems, resolver.nodes, resolver.owners);
        impairs.resolve(file.blocks());
        AddressCheck.check(resolver.nodes.values(), problems);
        resolver.nodes.values().forEach(node -> RouteCheck.check(node, problems));
        // The MTUs the kernel derives need the whole model; a lab with problems builds one as well.
        List<Node> built = new ArrayList<>();
        resolver.nodes.values().forEach(node -> built.add(node.build()));
        Lab lab = new Lab(name, fileName, built);
        Mtus mtus = Mtus.of(lab);
        MtuCheck.check(resolver.nodes.values(), mtus, problems);
        impairs.checkFrames(mtus);
        List<Expectation> expectations = resolver.expectations(file.blocks(), lab);
        problems.throwIfAny();
        return new Lab(name, fileName, built, expectations);
    }

    /** Last: an {@code expect} may name any interface of the lab, and is resolved against the model. */
    private List<Expectation> expectations(List<Syntax.Block> blocks, Lab lab) {
        ExpectationResolver expectations = new ExpectationResolver(lab, problems);
        List<Expectation> resolved = new ArrayList<>();
        for (Syntax.Block block : blocks) {
            for (Syntax.Statement statement : block.statements()) {
                if (statement instanceof Syntax.Expect expect) {
                    expectations.resolve(expect, owners.get(block).name).ifPresent(resolved::add);
                }
            }
        }
        return resolved;
    }

    /** {@code lab NAME}, or the file name without directories and {@code .topo}. */
    private String labName(Syntax.File file, String fileName) {
        if (file.labName().isPresent()) {
            return file.labName().get().text();
        }
        String base = fileName.substring(fileName.lastIndexOf('/') + 1);
        String name = base.endsWith(".topo") ? base.substring(0, base.length() - ".topo".length()) : base;
        String problem = Names.labProblem(name);
        if (problem != null) {
            problems.add(new Source(fileName, 1, 1), problem + " (taken from the file name); add a 'lab NAME' line");
        }
        return name;
    }

    private void nodes(List<Syntax.Block> blocks) {
        for (Syntax.Block block : blocks) {
            String name = block.host() ? Node.HOST : block.name().text();
            NodeDraft existing = nodes.get(name);
            if (existing != null) {
                problems.add(block.name(), (block.host() ? "second 'host' block" : "duplicate node " + block.name().quoted())
                        + " (first at " + existing.source + ")");
                owners.put(block, existing);
            } else {
                NodeDraft node = new NodeDraft(name, block.source());
                nodes.put(name, node);
                owners.put(block, node);
            }
        }
    }

    private void bridges(List<Syntax.Block> blocks) {
        for (Syntax.Block block : blocks) {
            NodeDraft node = owners.get(block);
            for (Syntax.Statement statement : block.statements()) {
                if (statement instanceof Syntax.Bridge bridge) {
                    InterfaceDraft draft = new InterfaceDraft(InterfaceDraft.Kind.BRIDGE, node.name, bridge.name().text(),
                            bridge.source());
                    draft.addresses.addAll(bridge.addresses());
                    add(problems, node, draft, bridge.name(), false);
                }
            }
        }
    }

    /**
     * Adds an interface to its node unless the name is taken; {@code automatic} when the name was
     * not written by the user but made by {@link PortNames}.
     */
    static boolean add(Problems problems, NodeDraft node, InterfaceDraft draft, Word at, boolean automatic) {
        if (draft.name.equals(NetInterface.Loopback.NAME)) {
            problems.add(at, "'lo' exists in every node; it cannot be created");
            return false;
        }
        InterfaceDraft existing = node.interfaces.get(draft.name);
        if (existing != null) {
            String where = " (" + existing.describe() + " made at " + existing.source + ")";
            problems.add(at, automatic
                    ? "automatic port name " + Word.quote(draft.name) + " is taken in node " + Word.quote(node.name) + where
                            + "; name the port with 'port NAME'"
                    : "duplicate interface " + Word.quote(draft.name) + " in node " + Word.quote(node.name) + where);
            return false;
        }
        node.interfaces.put(draft.name, draft);
        return true;
    }

    static Endpoint endpoint(NodeDraft node, String name) {
        return new Endpoint(node.name, name);
    }
}

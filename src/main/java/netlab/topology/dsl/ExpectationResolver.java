package netlab.topology.dsl;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.topology.Addresses;
import netlab.topology.Cidr;
import netlab.topology.Expectation;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import netlab.topology.ProbeTarget;

/**
 * {@code expect} statements against a built lab: the node that sends, the address a
 * {@code NODE:IF} target stands for, and the nodes holding the target address. Works on the model,
 * not the drafts, so a topology file's expectations and an expectations file's (read against a lab
 * read before) are resolved alike.
 */
final class ExpectationResolver {
    private final Problems problems;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    /** Nodes by the addresses they hold, in file order; made at the first {@code expect}. */
    private Map<InetAddress, List<String>> owners;

    ExpectationResolver(Lab lab, Problems problems) {
        this.problems = problems;
        lab.nodes().forEach(n -> nodes.putIfAbsent(n.name(), n));
    }

    /**
     * {@code blockNode} is the node whose block holds the statement, for one that leaves its node
     * out (null in an expectations file, which has no blocks and whose lines all name their node).
     */
    Optional<Expectation> resolve(Syntax.Expect statement, String blockNode) {
        Optional<String> node = statement.node().isEmpty() ? Optional.of(blockNode) : sender(statement.node().get());
        Optional<InetAddress> address = address(statement);
        if (node.isEmpty() || address.isEmpty()) {
            return Optional.empty();
        }
        List<String> holders = owners(address.get());
        if (statement.asWord().isPresent() && holders.isEmpty()) {
            problems.add(statement.asWord().get(), "as needs a target inside the lab: " + Addresses.format(address.get())
                    + " is no node's address");
            return Optional.empty();
        }
        String written = statement.target() instanceof Syntax.ExpectTarget.Address a ? Addresses.format(a.address())
                : statement.target().word().text();
        OptionalInt ttl = statement.ttl().stream().mapToInt(Located::value).findFirst();
        return Optional.of(new Expectation(statement.source(), node.get(), statement.reach(),
                new ProbeTarget(address.get(), written, holders), ttl, statement.seenAs().map(Located::value),
                statement.within()));
    }

    /**
     * A node of the lab, or the host: the machine netlab runs on is there whether or not the file
     * has a host block ({@code expect host !reaches 10.0.0.1} says the lab is closed to it).
     */
    private Optional<String> sender(Word name) {
        if (nodes.containsKey(name.text()) || name.is(Node.HOST)) {
            return Optional.of(name.text());
        }
        problems.add(name, unknownNode(name));
        return Optional.empty();
    }

    private Optional<InetAddress> address(Syntax.Expect statement) {
        return switch (statement.target()) {
            case Syntax.ExpectTarget.Address a -> Optional.of(a.address());
            case Syntax.ExpectTarget.OfInterface i -> ofInterface(i, statement.seenAs().map(Located::value));
        };
    }

    /**
     * The address {@code NODE:IF} stands for: with {@code as}, its first of that family; else its
     * only one, or its first when all are of one family. Both families and nothing to choose: refused.
     */
    private Optional<InetAddress> ofInterface(Syntax.ExpectTarget.OfInterface target, Optional<InetAddress> seenAs) {
        Node node = nodes.get(target.node().text());
        if (node == null) {
            problems.add(target.node(), unknownNode(target.node()));
            return Optional.empty();
        }
        NetInterface found = node.netInterface(target.name().text()).orElse(null);
        if (found == null) {
            List<String> names = node.interfaces().stream().map(NetInterface::name).toList();
            String hint = node.isHost() ? "; for one of the machine's own interfaces, write its address"
                    : Suggestions.didYouMean(target.name().text(), names);
            problems.add(target.name(), "unknown interface " + target.name().quoted() + " in node "
                    + Word.quote(node.name()) + hint);
            return Optional.empty();
        }
        List<Cidr> addresses = found.addresses();
        String it = target.word().quoted();
        if (addresses.isEmpty() && found instanceof NetInterface.VethEnd end && end.master().isPresent()) {
            problems.add(target.word(), it + " is a port of bridge " + Word.quote(end.master().get())
                    + " and has no address; write " + Word.quote(node.name() + ":" + end.master().get()) + " or an address");
            return Optional.empty();
        }
        if (addresses.isEmpty()) {
            problems.add(target.word(), it + " has no address in the lab; give it one, or write the address to probe");
            return Optional.empty();
        }
        if (seenAs.isPresent()) {
            boolean ipv4 = ExpectParser.family(seenAs.get()).equals("IPv4");
            Optional<Cidr> ofFamily = addresses.stream().filter(c -> c.isIpv4() == ipv4).findFirst();
            if (ofFamily.isEmpty()) {
                problems.add(target.word(), it + " has no " + ExpectParser.family(seenAs.get()) + " address to go with as "
                        + Addresses.format(seenAs.get()) + " (it has " + list(addresses) + ")");
            }
            return ofFamily.map(Cidr::address);
        }
        if (addresses.stream().map(Cidr::isIpv4).distinct().count() > 1) {
            problems.add(target.word(), it + " has addresses of both families (" + list(addresses)
                    + "); write the address to probe");
            return Optional.empty();
        }
        return Optional.of(addresses.getFirst().address());
    }

    private List<String> owners(InetAddress address) {
        if (owners == null) {
            owners = new HashMap<>();
            for (Node node : nodes.values()) {
                for (NetInterface i : node.interfaces()) {
                    for (Cidr cidr : i.addresses()) {
                        List<String> names = owners.computeIfAbsent(cidr.address(), a -> new ArrayList<>());
                        if (names.isEmpty() || !names.getLast().equals(node.name())) {
                            names.add(node.name());
                        }
                    }
                }
            }
        }
        return owners.getOrDefault(address, List.of());
    }

    private String unknownNode(Word name) {
        List<String> known = new ArrayList<>(nodes.keySet());
        if (!nodes.containsKey(Node.HOST)) {
            known.add(Node.HOST);
        }
        return "unknown node " + name.quoted() + Suggestions.didYouMean(name.text(), known);
    }

    private static String list(List<Cidr> addresses) {
        return String.join(", ", addresses.stream().map(Cidr::toString).toList());
    }
}

package netlab.topology.dsl;

import static netlab.topology.dsl.Options.Arity.MANY;
import static netlab.topology.dsl.Options.Arity.NAME;
import static netlab.topology.dsl.Options.Arity.ONE;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import netlab.topology.Addresses;
import netlab.topology.NetInterface;

/**
 * {@code vxlan IF vni N remote ADDR... [local ADDR] [underlay host] [dstport PORT] [mtu N] [to BR]}:
 * a tunnel to one far end or to several, each a unicast address (a multicast group would need
 * learning and IGMP on the underlay, which labs have no use for yet).
 */
final class VxlanParser {
    /** The VNI is 24 bits on the wire (RFC 7348). */
    static final int VNI_MAX = (1 << 24) - 1;

    private static final List<Options.Spec> OPTIONS = List.of(
            new Options.Spec("vni", ONE, "a number (0.." + VNI_MAX + ")"),
            new Options.Spec("remote", MANY, "the far ends' addresses"),
            new Options.Spec("local", ONE, "an address of this node"),
            new Options.Spec("underlay", ONE, "'host'"),
            new Options.Spec("dstport", ONE, "a UDP port (1..65535)"),
            new Options.Spec("mtu", ONE, "a number"),
            new Options.Spec("to", NAME, "a bridge of this node"));

    private final Problems problems;

    VxlanParser(Problems problems) {
        this.problems = problems;
    }

    Optional<Syntax.Statement> parse(List<Word> words) {
        Word keyword = words.getFirst();
        StatementParser statements = new StatementParser(problems);
        if (!statements.atLeast(words, 2)) {
            return Optional.empty();
        }
        Word name = words.get(1);
        Options options = Options.read(keyword, words, 2, OPTIONS, problems);
        boolean ok = statements.interfaceName(name);
        for (String required : List.of("vni", "remote")) {
            if (!options.has(required)) {
                problems.add(keyword, "'vxlan' needs '" + required + (required.equals("vni") ? " N'" : " ADDR'"));
                ok = false;
            }
        }
        OptionalLong vni = number(options, "vni", 0, VNI_MAX);
        Optional<List<Located<InetAddress>>> remotes = remotes(options.many("remote"));
        Optional<Located<InetAddress>> remote = remotes.map(List::getFirst);
        Optional<Located<InetAddress>> local = options.one("local").flatMap(w -> local(w, remote));
        boolean machine = options.one("underlay").map(this::underlay).orElse(false);
        if (machine && local.isPresent()) {
            problems.add(options.one("local").get(), "'local' and 'underlay host' exclude each other: over the machine's "
                    + "network the machine's route to the far end chooses the source address");
            ok = false;
        }
        OptionalLong port = number(options, "dstport", 1, 65535);
        OptionalLong mtu = number(options, "mtu", StatementParser.MTU_MIN, StatementParser.MTU_MAX);
        Optional<Word> master = options.one("to");
        ok &= master.isEmpty() || statements.interfaceName(master.get());
        if (!ok || vni.isEmpty() || remotes.isEmpty() || options.has("local") != local.isPresent()
                || options.has("underlay") != machine
                || options.has("dstport") != port.isPresent() || options.has("mtu") != mtu.isPresent()) {
            return Optional.empty();
        }
        Optional<Located<Integer>> mtuValue = options.one("mtu")
                .map(w -> new Located<>((int) mtu.getAsLong(), w.source()));
        return Optional.of(new Syntax.Vxlan(keyword.source(), name, (int) vni.getAsLong(), remotes.get(), local,
                machine, port.isPresent() ? (int) port.getAsLong() : NetInterface.Vxlan.IANA_PORT, mtuValue, master));
    }

    /** The option's number when it was given and is in range; empty otherwise (reported). */
    private OptionalLong number(Options options, String option, long min, long max) {
        Optional<Word> word = options.one(option);
        return word.isEmpty() ? OptionalLong.empty() : Literals.number(word.get(), option, min, max, problems);
    }

    /** Every far end once, all of one family; empty when one is wrong (reported). */
    private Optional<List<Located<InetAddress>>> remotes(List<Word> words) {
        List<Located<InetAddress>> remotes = new ArrayList<>();
        boolean ok = !words.isEmpty();
        for (Word word : words) {
            if (!remotes.isEmpty() && word.text().matches("[a-z]+")) {
                // remote takes several addresses, so a misspelt option lands here: say what it is
                problems.add(word, "unknown option " + word.quoted() + " for 'vxlan'" + Suggestions.didYouMean(
                        word.text(), OPTIONS.stream().map(Options.Spec::name).toList()));
                ok = false;
                continue;
            }
            Optional<Located<InetAddress>> remote = remote(word);
            if (remote.isEmpty()) {
                ok = false;
            } else if (remotes.stream().anyMatch(r -> r.value().equals(remote.get().value()))) {
                problems.add(word, "remote " + word.quoted() + " is given twice");
                ok = false;
            } else if (!remotes.isEmpty()
                    && (remotes.getFirst().value() instanceof Inet4Address) != (remote.get().value() instanceof Inet4Address)) {
                problems.add(word, "remote " + word.quoted() + " and remote "
                        + Word.quote(Addresses.format(remotes.getFirst().value()))
                        + " are of different address families; a vxlan's ends share one");
                ok = false;
            } else {
                remotes.add(remote.get());
            }
        }
        return ok ? Optional.of(List.copyOf(remotes)) : Optional.empty();
    }

    /** {@code underlay host}: the only underlay a file names; a node's is the interface holding {@code local}. */
    private boolean underlay(Word word) {
        if (word.text().equals("host")) {
            return true;
        }
        problems.add(word, "'underlay' takes 'host' (the machine's network, where netlab runs), not " + word.quoted()
                + "; over a node's own interface, give that interface's address as 'local'");
        return false;
    }

    private Optional<Located<InetAddress>> remote(Word word) {
        Optional<Located<InetAddress>> remote = Literals.address(word, problems);
        if (remote.isPresent() && remote.get().value().isMulticastAddress()) {
            problems.add(word, "remote " + word.quoted() + " is a multicast group; netlab makes vxlans to unicast far ends: "
                    + "give the far end's address");
            return Optional.empty();
        }
        return remote.filter(r -> unicast(word, "remote", r.value()));
    }

    private Optional<Located<InetAddress>> local(Word word, Optional<Located<InetAddress>> remote) {
        Optional<Located<InetAddress>> local = Literals.address(word, problems)
                .filter(l -> unicast(word, "local", l.value()));
        if (local.isPresent() && remote.isPresent()
                && (local.get().value() instanceof Inet4Address) != (remote.get().value() instanceof Inet4Address)) {
            problems.add(word, "local " + word.quoted() + " and remote " + Word.quote(Addresses.format(remote.get().value()))
                    + " are of different address families; a vxlan's ends share one");
            return Optional.empty();
        }
        return local;
    }

    private boolean unicast(Word word, String option, InetAddress address) {
        boolean broadcast = address instanceof Inet4Address && address.getHostAddress().equals("255.255.255.255");
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || broadcast) {
            problems.add(word, option + " " + word.quoted() + " is not a unicast address");
            return false;
        }
        return true;
    }
}

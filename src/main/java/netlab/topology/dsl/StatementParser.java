package netlab.topology.dsl;

import static netlab.topology.dsl.Options.Arity.FLAG;
import static netlab.topology.dsl.Options.Arity.MANY;
import static netlab.topology.dsl.Options.Arity.NAME;
import static netlab.topology.dsl.Options.Arity.ONE;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.topology.Cidr;
import netlab.topology.NetInterface.MacvlanMode;
import netlab.topology.Source;

/** One statement inside a block: its words checked and read into a {@link Syntax.Statement}. */
final class StatementParser {
    static final int MTU_MIN = 68;
    static final int MTU_MAX = 65535;
    /** The model holds a metric in an int; 2^31-1 is far beyond any useful metric. */
    static final int METRIC_MAX = Integer.MAX_VALUE;

    private static final Options.Spec ADDRESSES = new Options.Spec("address", MANY, "at least one address (ADDR/N)");
    private static final List<Options.Spec> LINK = List.of(new Options.Spec("port", NAME, "an interface name"), ADDRESSES);
    private static final List<Options.Spec> MACVLAN = List.of(
            new Options.Spec("mode", ONE, "a mode (bridge, private or vepa)"), ADDRESSES);
    private static final List<Options.Spec> ROUTE = List.of(new Options.Spec("via", ONE, "a gateway address"),
            new Options.Spec("dev", NAME, "an interface name"), new Options.Spec("onlink", FLAG, ""),
            new Options.Spec("metric", ONE, "a number"), new Options.Spec("src", ONE, "an address"));
    private static final List<Options.Spec> NEIGH = List.of(new Options.Spec("dev", NAME, "an interface name"),
            new Options.Spec("lladdr", ONE, "a MAC address or 'peer'"));
    private static final List<Options.Spec> NAT = List.of(new Options.Spec("src", ONE, "a network (ADDR/N) or an address"),
            new Options.Spec("dst", ONE, "a network (ADDR/N) or an address, '!' in front to negate"),
            new Options.Spec("out", NAME, "an interface name"));

    private final Problems problems;

    StatementParser(Problems problems) {
        this.problems = problems;
    }

    Optional<Syntax.Statement> parse(List<Word> words) {
        Word keyword = words.getFirst();
        Source at = keyword.source();
        return switch (keyword.text()) {
            case "bridge" -> bridge(words, at);
            case "link" -> link(words, at);
            case "macvlan" -> macvlan(words, at);
            case "vxlan" -> new VxlanParser(problems).parse(words);
            case "address" -> address(words, at);
            case "mtu" -> mtu(words, at);
            case "mac" -> mac(words, at);
            case "route" -> new RouteParser(problems).parse(words, ROUTE);
            case "neigh" -> neigh(words, at);
            case "sysctl" -> new SysctlParser(problems).parse(words);
            case "masquerade", "snat" -> nat(words, at);
            case "expect" -> new ExpectParser(problems).parse(words);
            case "impair" -> new ImpairParser(problems).parse(words);
            default -> throw new IllegalStateException("not a block statement: " + keyword.text());
        };
    }

    private Optional<Syntax.Statement> bridge(List<Word> words, Source at) {
        if (!atLeast(words, 2) || !interfaceName(words.get(1))) {
            return Optional.empty();
        }
        return Optional.of(new Syntax.Bridge(at, words.get(1), addresses(words.subList(2, words.size()))));
    }

    private Optional<Syntax.Statement> link(List<Word> words, Source at) {
        if ((words.size() >= 3 && !keywordAt(words, 2, "to")) || !atLeast(words, 4)) {
            return Optional.empty();
        }
        Word name = words.get(1);
        Word target = words.get(3);
        Options options = Options.read(words.getFirst(), words, 4, LINK, problems);
        int colon = target.text().indexOf(':');
        Optional<Word> targetNode = Optional.empty();
        Word targetName = target;
        if (colon >= 0) {
            targetNode = Optional.of(target.slice(0, colon));
            targetName = target.slice(colon + 1, target.text().length());
            if (colon == 0 || targetName.text().isEmpty()) {
                problems.add(target, "malformed link target " + target.quoted() + "; expected NODE:IF, NODE:BR or BR");
                return Optional.empty();
            }
        }
        boolean ok = interfaceName(name) & interfaceName(targetName);
        Optional<Word> port = options.one("port");
        if (port.isPresent() && !interfaceName(port.get())) {
            ok = false;
        }
        List<Located<Cidr>> addresses = addresses(options.many("address"));
        return ok ? Optional.of(new Syntax.Link(at, name, targetNode, targetName, port, addresses)) : Optional.empty();
    }

    private Optional<Syntax.Statement> macvlan(List<Word> words, Source at) {
        if ((words.size() >= 3 && !keywordAt(words, 2, "on")) || !atLeast(words, 4)) {
            return Optional.empty();
        }
        Word name = words.get(1);
        Word parent = words.get(3);
        Options options = Options.read(words.getFirst(), words, 4, MACVLAN, problems);
        int colon = parent.text().indexOf(':');
        if (colon <= 0 || colon == parent.text().length() - 1) {
            problems.add(parent, "malformed macvlan parent " + parent.quoted() + "; expected NODE:IF");
            return Optional.empty();
        }
        MacvlanMode mode = MacvlanMode.BRIDGE;
        boolean ok = interfaceName(name);
        Optional<Word> modeWord = options.one("mode");
        if (modeWord.isPresent()) {
            List<String> modes = List.of("bridge", "private", "vepa");
            String text = modeWord.get().text();
            if (modes.contains(text)) {
                mode = MacvlanMode.valueOf(text.toUpperCase(Locale.ROOT));
            } else {
                problems.add(modeWord.get(), "unknown macvlan mode " + modeWord.get().quoted()
                        + "; expected bridge, private or vepa" + Suggestions.didYouMean(text, modes));
                ok = false;
            }
        }
        List<Located<Cidr>> addresses = addresses(options.many("address"));
        return ok ? Optional.of(new Syntax.Macvlan(at, name, parent.slice(0, colon),
                parent.slice(colon + 1, parent.text().length()), mode, addresses)) : Optional.empty();
    }

    private Optional<Syntax.Statement> address(List<Word> words, Source at) {
        if (!atLeast(words, 3)) {
            return Optional.empty();
        }
        return Optional.of(new Syntax.Address(at, words.get(1), addresses(words.subList(2, words.size()))));
    }

    private Optional<Syntax.Statement> mtu(List<Word> words, Source at) {
        if (!arity(words, 3)) {
            return Optional.empty();
        }
        Word value = words.get(2);
        return Literals.number(value, "mtu", MTU_MIN, MTU_MAX, problems).stream()
                .mapToObj(n -> (Syntax.Statement) new Syntax.Mtu(at, words.get(1), new Located<>((int) n, value.source())))
                .findFirst();
    }

    private Optional<Syntax.Statement> mac(List<Word> words, Source at) {
        if (!arity(words, 3)) {
            return Optional.empty();
        }
        return Literals.unicastMac(words.get(2), problems).map(mac -> new Syntax.Mac(at, words.get(1), mac));
    }

    private Optional<Syntax.Statement> neigh(List<Word> words, Source at) {
        if (!atLeast(words, 2)) {
            return Optional.empty();
        }
        Optional<Located<InetAddress>> address = Literals.address(words.get(1), problems);
        Options options = Options.read(words.getFirst(), words, 2, NEIGH, problems);
        Optional<Word> dev = options.one("dev");
        Optional<Word> lladdr = options.one("lladdr");
        if (dev.isEmpty() && !options.has("dev")) {
            problems.add(words.getFirst(), "'neigh' needs 'dev IF'");
        }
        if (lladdr.isEmpty() && !options.has("lladdr")) {
            problems.add(words.getFirst(), "'neigh' needs 'lladdr MAC' or 'lladdr peer'");
        }
        if (address.isEmpty() || dev.isEmpty() || lladdr.isEmpty()) {
            return Optional.empty();
        }
        if (lladdr.get().is("peer")) {
            return Optional.of(new Syntax.Neigh(at, address.get(), dev.get(), Optional.empty(), lladdr.get()));
        }
        return Literals.mac(lladdr.get(), problems).map(mac -> new Syntax.Neigh(at, address.get(), dev.get(),
                Optional.of(mac.value()), lladdr.get()));
    }

    private Optional<Syntax.Statement> nat(List<Word> words, Source at) {
        boolean snat = words.getFirst().is("snat");
        Optional<Located<InetAddress>> to = Optional.empty();
        if (snat) {
            if (!atLeast(words, 2)) {
                return Optional.empty();
            }
            to = Literals.address(words.get(1), problems);
            if (to.isEmpty()) {
                return Optional.empty();
            }
            if (!isSourceAddress(to.get().value())) {
                problems.add(words.get(1), "snat to " + words.get(1).quoted() + ": a packet cannot leave with that source "
                        + "(give a unicast address, not an unspecified, loopback, multicast or broadcast one)");
                return Optional.empty();
            }
        }
        Options options = Options.read(words.getFirst(), words, snat ? 2 : 1, NAT, problems);
        Optional<Located<Cidr>> src = options.one("src").flatMap(w -> natMatch("src", w, false));
        Optional<Word> dstWord = options.one("dst");
        boolean negated = dstWord.isPresent() && dstWord.get().text().startsWith("!");
        Optional<Located<Cidr>> dst = dstWord.flatMap(w -> natMatch("dst", w, negated));
        if (options.has("src") != src.isPresent() || options.has("dst") != dst.isPresent()) {
            return Optional.empty();
        }
        List<Boolean> families = new ArrayList<>();
        to.ifPresent(a -> families.add(a.value() instanceof Inet4Address));
        src.ifPresent(c -> families.add(c.value().isIpv4()));
        dst.ifPresent(c -> families.add(c.value().isIpv4()));
        if (families.stream().distinct().count() > 1) {
            problems.add(words.getFirst(), "a NAT rule cannot mix IPv4 and IPv6 addresses");
            return Optional.empty();
        }
        boolean dstNegated = negated;
        if (!snat && src.isPresent() && dst.isEmpty()) {
            // "masquerade src NET": what leaves NET for elsewhere, not traffic inside it.
            dst = src.map(c -> new Located<>(c.value().network(), c.source()));
            dstNegated = true;
        }
        return Optional.of(new Syntax.Nat(at, to, src, dst, dstNegated, options.one("out")));
    }

    /**
     * A NAT rule's {@code src} or {@code dst}: a network, or a plain address for that one host.
     * Length 0 is refused: it matches every address (negated, none), so it is a mistake, and
     * the rule builder at up takes lengths from 1 only.
     */
    private Optional<Located<Cidr>> natMatch(String option, Word word, boolean negated) {
        if (word.text().equals("!")) {
            problems.add(word, "write '!' against the network, without a blank: " + option + " !NETWORK");
            return Optional.empty();
        }
        Optional<Located<Cidr>> match = Literals.networkOrHost(negated ? word.slice(1, word.text().length()) : word,
                problems);
        if (match.isPresent() && match.get().value().prefixLength() == 0) {
            problems.add(word, option + " " + word.quoted() + (negated
                    ? " matches no address, so the rule would never apply"
                    : " matches every address; leave it out"));
            return Optional.empty();
        }
        return match;
    }

    private List<Located<Cidr>> addresses(List<Word> words) {
        List<Located<Cidr>> addresses = new ArrayList<>();
        for (Word word : words) {
            Literals.interfaceAddress(word, problems).ifPresent(addresses::add);
        }
        return addresses;
    }

    boolean interfaceName(Word word) {
        String problem = Names.interfaceProblem(word.text());
        if (problem != null) {
            problems.add(word, problem);
        }
        return problem == null;
    }

    private boolean keywordAt(List<Word> words, int index, String keyword) {
        if (words.get(index).is(keyword)) {
            return true;
        }
        problems.add(words.get(index), "expected '" + keyword + "', found " + words.get(index).quoted());
        return false;
    }

    /** At least {@code count} words, or report the statement incomplete where the next word should be. */
    boolean atLeast(List<Word> words, int count) {
        if (words.size() >= count) {
            return true;
        }
        Word last = words.getLast();
        Source end = new Source(last.source().file(), last.source().line(), last.source().column() + last.text().length() + 1);
        problems.add(end, "incomplete statement; expected '" + Parser.USAGE.get(words.getFirst().text()) + "'");
        return false;
    }

    /** Exactly {@code count} words. */
    boolean arity(List<Word> words, int count) {
        if (!atLeast(words, count)) {
            return false;
        }
        if (words.size() > count) {
            problems.add(words.get(count), "unexpected " + words.get(count).quoted() + "; expected '"
                    + Parser.USAGE.get(words.getFirst().text()) + "'");
            return false;
        }
        return true;
    }

    static OptionalInt toInt(java.util.OptionalLong value) {
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    /** What a translated packet may carry as its source: a unicast address (not 0.0.0.0, 127.x, 224.x, ...). */
    private static boolean isSourceAddress(InetAddress address) {
        boolean broadcast = address instanceof Inet4Address && address.getHostAddress().equals("255.255.255.255");
        return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isMulticastAddress() || broadcast);
    }
}

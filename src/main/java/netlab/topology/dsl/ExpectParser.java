package netlab.topology.dsl;

import static netlab.topology.dsl.Options.Arity.ONE;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import netlab.topology.Addresses;
import netlab.topology.Expectation;
import netlab.topology.Expectation.Reach;

/**
 * {@code expect [NODE] reaches|!reaches TARGET [ttl N] [as ADDR] [within DURATION]}.
 *
 * <p>The node may be left out. The first word after {@code expect} is the node unless it is
 * {@code reaches} or {@code !reaches} and the next word is not: so {@code expect reaches
 * 10.0.0.1} is the block's node, and {@code expect reaches reaches 10.0.0.1} is node
 * {@code reaches}. TARGET is an address or {@code NODE:IF}; no IPv6 text can be read as
 * {@code NODE:IF} (it holds "::" or seven colons, and an interface name holds none).
 */
final class ExpectParser {
    static final int TTL_MAX = 255;
    static final Duration WITHIN_MIN = Duration.ofMillis(10);
    static final Duration WITHIN_MAX = Duration.ofSeconds(60);

    private static final List<String> REACH = List.of(Reach.REACHES.keyword(), Reach.DOES_NOT_REACH.keyword());
    private static final List<Options.Spec> OPTIONS = List.of(new Options.Spec("ttl", ONE, "a number (1.." + TTL_MAX + ")"),
            new Options.Spec("as", ONE, "an address"), new Options.Spec("within", ONE, "a duration such as 300ms or 2s"));

    private final Problems problems;

    ExpectParser(Problems problems) {
        this.problems = problems;
    }

    Optional<Syntax.Statement> parse(List<Word> words) {
        StatementParser shape = new StatementParser(problems);
        int reachAt = leavesOutTheNode(words) ? 1 : 2;
        if (!shape.atLeast(words, reachAt + 1) || !reachWord(words, reachAt) || !shape.atLeast(words, reachAt + 2)) {
            return Optional.empty();
        }
        Reach reach = words.get(reachAt).is(Reach.REACHES.keyword()) ? Reach.REACHES : Reach.DOES_NOT_REACH;
        Optional<Syntax.ExpectTarget> target = target(words.get(reachAt + 1));
        Options options = Options.read(words.getFirst(), words, reachAt + 2, OPTIONS, problems);
        Optional<Located<Integer>> ttl = options.one("ttl").flatMap(this::ttl);
        Optional<Located<InetAddress>> seenAs = options.one("as").flatMap(w -> unicast(w, "as"));
        Optional<Located<Duration>> within = options.one("within")
                .flatMap(w -> Literals.duration(w, "within", WITHIN_MIN, WITHIN_MAX, problems));
        boolean ok = target.isPresent() && options.has("ttl") == ttl.isPresent()
                && options.has("as") == seenAs.isPresent() && options.has("within") == within.isPresent();
        if (reach == Reach.DOES_NOT_REACH) {
            ok &= onlyWithReaches(options, "ttl") & onlyWithReaches(options, "as");
        }
        if (target.orElse(null) instanceof Syntax.ExpectTarget.Address address && seenAs.isPresent()) {
            ok &= sameFamily(seenAs.get(), address.address(), address.word());
        }
        Optional<Word> node = reachAt == 1 ? Optional.empty() : Optional.of(words.get(1));
        return ok ? Optional.of(new Syntax.Expect(words.getFirst().source(), node, reach, target.get(), ttl,
                options.keyword("as"), seenAs, within.map(Located::value).orElse(Expectation.DEFAULT_WITHIN)))
                : Optional.empty();
    }

    private static boolean leavesOutTheNode(List<Word> words) {
        return words.size() >= 2 && REACH.contains(words.get(1).text())
                && !(words.size() >= 3 && REACH.contains(words.get(2).text()));
    }

    /** The word at {@code at} must be reaches or !reaches; a misspelt one is reported where it was likely written. */
    private boolean reachWord(List<Word> words, int at) {
        if (REACH.contains(words.get(at).text())) {
            return true;
        }
        // 'expect reach 10.0.0.1': the node was left out and the keyword misspelt, not a node called 'reach'.
        Word wrong = at == 2 && meant(words.get(1).text()).isPresent() ? words.get(1) : words.get(at);
        problems.add(wrong, "expected 'reaches' or '!reaches', found " + wrong.quoted()
                + meant(wrong.text()).map(k -> " (did you mean " + Word.quote(k) + "?)").orElse(""));
        return false;
    }

    /** The keyword a misspelt or cut short word stands for: 'reachs', 'reach', '!reach'. */
    private static Optional<String> meant(String word) {
        return Suggestions.closest(word, REACH)
                .or(() -> REACH.stream().filter(k -> word.length() >= 4 && k.startsWith(word)).findFirst());
    }

    private Optional<Syntax.ExpectTarget> target(Word word) {
        String text = word.text();
        if (IpText.parse(text) != null) {
            return unicast(word, "target").map(a -> new Syntax.ExpectTarget.Address(word, a.value()));
        }
        int slash = text.indexOf('/');
        if (slash >= 0 && IpText.parse(text.substring(0, slash)) != null) {
            problems.add(word, "an expect target is one address, without a prefix length: write "
                    + Word.quote(text.substring(0, slash)));
            return Optional.empty();
        }
        int colon = text.indexOf(':');
        if (colon > 0 && colon < text.length() - 1 && text.indexOf(':', colon + 1) < 0) {
            return Optional.of(new Syntax.ExpectTarget.OfInterface(word, word.slice(0, colon),
                    word.slice(colon + 1, text.length())));
        }
        boolean address = colon != text.lastIndexOf(':') || text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        problems.add(word, address ? "malformed address " + word.quoted()
                : "malformed target " + word.quoted() + "; expected an address or NODE:IF");
        return Optional.empty();
    }

    /**
     * An address a probe can be sent to or come from: not 0.0.0.0, ::, multicast, the IPv4
     * broadcast or IPv6 link-local.
     */
    private Optional<Located<InetAddress>> unicast(Word word, String what) {
        Optional<Located<InetAddress>> address = Literals.address(word, problems);
        if (address.isPresent()) {
            InetAddress a = address.get().value();
            if (a.isAnyLocalAddress() || a.isMulticastAddress() || Addresses.format(a).equals("255.255.255.255")) {
                problems.add(word, what + " " + word.quoted() + " is not a unicast address");
                return Optional.empty();
            }
            if (a instanceof Inet6Address && a.isLinkLocalAddress()) {
                // A probe finds its way by route; fe80::/10 is on every link and no route chooses one.
                problems.add(word, what + " " + word.quoted() + " is a link-local address, which names no link "
                        + "by itself; write an address the node's routes lead to");
                return Optional.empty();
            }
        }
        return address;
    }

    private Optional<Located<Integer>> ttl(Word word) {
        OptionalLong ttl = Literals.number(word, "ttl", 1, TTL_MAX, problems);
        return ttl.isPresent() ? Optional.of(new Located<>((int) ttl.getAsLong(), word.source())) : Optional.empty();
    }

    /** ttl and as say what a reply or an arriving request looks like; '!reaches' has none to look at. */
    private boolean onlyWithReaches(Options options, String option) {
        Optional<Word> keyword = options.keyword(option);
        keyword.ifPresent(k -> problems.add(k, "'" + option + "' goes only with 'reaches': '!reaches' checks only "
                + "that no reply comes"));
        return keyword.isEmpty();
    }

    private boolean sameFamily(Located<InetAddress> seenAs, InetAddress target, Word targetWord) {
        if ((seenAs.value() instanceof Inet4Address) == (target instanceof Inet4Address)) {
            return true;
        }
        problems.add(seenAs.source(), "as " + Addresses.format(seenAs.value()) + " is " + family(seenAs.value())
                + " but the target " + targetWord.quoted() + " is " + family(target));
        return false;
    }

    static String family(InetAddress address) {
        return address instanceof Inet4Address ? "IPv4" : "IPv6";
    }
}

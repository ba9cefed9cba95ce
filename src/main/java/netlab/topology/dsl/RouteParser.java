package netlab.topology.dsl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.topology.Cidr;

/**
 * {@code route DEST [via GW] [dev IF] [onlink] [metric N] [src ADDR]}. DEST is {@code default}
 * (0.0.0.0/0, or ::/0 when the gateway is IPv6), a network, or a plain address (a /32 or /128).
 */
final class RouteParser {
    private final Problems problems;

    RouteParser(Problems problems) {
        this.problems = problems;
    }

    Optional<Syntax.Statement> parse(List<Word> words, List<Options.Spec> specs) {
        StatementParser shape = new StatementParser(problems);
        if (!shape.atLeast(words, 2)) {
            return Optional.empty();
        }
        Word keyword = words.getFirst();
        Word destWord = words.get(1);
        Options options = Options.read(keyword, words, 2, specs, problems);
        Optional<Located<InetAddress>> via = options.one("via").flatMap(w -> Literals.address(w, problems));
        Optional<Located<InetAddress>> src = options.one("src").flatMap(w -> Literals.address(w, problems));
        OptionalInt metric = options.one("metric").map(w -> StatementParser.toInt(
                Literals.number(w, "metric", 0, StatementParser.METRIC_MAX, problems))).orElse(OptionalInt.empty());
        Optional<Located<Cidr>> dest = destination(destWord, via);
        boolean ok = dest.isPresent() && options.has("via") == via.isPresent() && options.has("src") == src.isPresent()
                && options.has("metric") == metric.isPresent();
        if (!options.has("via") && !options.has("dev")) {
            problems.add(keyword, "a route needs 'via GW' or 'dev IF'");
            ok = false;
        }
        if (dest.isPresent()) {
            boolean ipv4 = dest.get().value().isIpv4();
            ok &= sameFamily(via, ipv4, "gateway", destWord) & sameFamily(src, ipv4, "src", destWord);
        }
        return ok ? Optional.of(new Syntax.Route(keyword.source(), dest.get(), via, options.one("dev"),
                options.has("onlink"), metric, src)) : Optional.empty();
    }

    private Optional<Located<Cidr>> destination(Word word, Optional<Located<InetAddress>> via) {
        if (word.is("default")) {
            boolean ipv6 = via.isPresent() && via.get().value() instanceof Inet6Address;
            return Optional.of(new Located<>(new Cidr(any(ipv6), 0), word.source()));
        }
        if (word.text().indexOf('/') >= 0) {
            return Literals.network(word, problems);
        }
        InetAddress address = IpText.parse(word.text());
        if (address == null) {
            problems.add(word, "malformed route destination " + word.quoted() + "; expected 'default', ADDR/N or ADDR");
            return Optional.empty();
        }
        return Optional.of(new Located<>(Literals.host(address), word.source()));
    }

    private boolean sameFamily(Optional<Located<InetAddress>> address, boolean ipv4, String what, Word dest) {
        if (address.isEmpty() || (address.get().value() instanceof Inet4Address) == ipv4) {
            return true;
        }
        problems.add(address.get().source(), what + " " + netlab.topology.Addresses.format(address.get().value())
                + " is " + (ipv4 ? "IPv6" : "IPv4") + " but the destination " + dest.quoted() + " is "
                + (ipv4 ? "IPv4" : "IPv6"));
        return false;
    }

    private static InetAddress any(boolean ipv6) {
        try {
            return InetAddress.getByAddress(new byte[ipv6 ? 16 : 4]);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}

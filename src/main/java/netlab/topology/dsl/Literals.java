package netlab.topology.dsl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import netlab.topology.Cidr;
import netlab.topology.Durations;

/** Addresses, prefixes, MACs and numbers as written in statements; each problem is reported. */
final class Literals {
    private Literals() {}

    static Optional<Located<InetAddress>> address(Word word, Problems problems) {
        InetAddress address = IpText.parse(word.text());
        if (address == null) {
            problems.add(word, "malformed address " + word.quoted());
            return Optional.empty();
        }
        return Optional.of(new Located<>(address, word.source()));
    }

    /** {@code ADDR/N} on an interface: a unicast address, any host bits. */
    static Optional<Located<Cidr>> interfaceAddress(Word word, Problems problems) {
        Optional<Located<Cidr>> cidr = cidr(word, problems, false);
        if (cidr.isPresent()) {
            InetAddress address = cidr.get().value().address();
            if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
                problems.add(word, "address " + word.quoted() + " is not a unicast address");
                return Optional.empty();
            }
        }
        return cidr;
    }

    /** {@code ADDR/N} naming a network (route destination, NAT match): host bits must be zero. */
    static Optional<Located<Cidr>> network(Word word, Problems problems) {
        return cidr(word, problems, true);
    }

    /**
     * A network, or a plain address standing for that one host (/32 or /128), as
     * {@code ip route}, nft and iptables read a match.
     */
    static Optional<Located<Cidr>> networkOrHost(Word word, Problems problems) {
        if (word.text().indexOf('/') >= 0) {
            return network(word, problems);
        }
        return address(word, problems).map(a -> new Located<>(host(a.value()), a.source()));
    }

    /** The prefix of exactly one address: /32 or /128. */
    static Cidr host(InetAddress address) {
        return new Cidr(address, address instanceof Inet4Address ? 32 : 128);
    }

    private static Optional<Located<Cidr>> cidr(Word word, Problems problems, boolean network) {
        String text = word.text();
        int slash = text.indexOf('/');
        if (slash < 0) {
            InetAddress address = IpText.parse(text);
            if (address != null) {
                problems.add(word, word.quoted() + " needs a prefix length, e.g. " + Word.quote(text + "/"
                        + PrefixHint.forAddress(address, problems.lines())));
            } else {
                problems.add(word, "malformed address " + word.quoted());
            }
            return Optional.empty();
        }
        InetAddress address = IpText.parse(text.substring(0, slash));
        if (address == null) {
            problems.add(word.slice(0, slash), "malformed address " + word.slice(0, slash).quoted());
            return Optional.empty();
        }
        Word prefixWord = word.slice(slash + 1, text.length());
        int max = address instanceof Inet4Address ? 32 : 128;
        String family = address instanceof Inet4Address ? "IPv4" : "IPv6";
        long prefix = decimal(prefixWord.text());
        if (prefix < 0) {
            problems.add(prefixWord, "malformed prefix length " + prefixWord.quoted());
            return Optional.empty();
        }
        if (prefix > max) {
            problems.add(prefixWord, "prefix length " + prefix + " is out of range for " + family + " (0.." + max + ")");
            return Optional.empty();
        }
        Cidr cidr = new Cidr(address, (int) prefix);
        if (network && !cidr.network().equals(cidr)) {
            problems.add(word, word.quoted() + " has host bits set (did you mean '" + cidr.network() + "'?)");
            return Optional.empty();
        }
        return Optional.of(new Located<>(cidr, word.source()));
    }

    /** Six colon-separated hex pairs, returned in lower case. */
    static Optional<Located<String>> mac(Word word, Problems problems) {
        String text = word.text();
        boolean ok = text.length() == 17;
        for (int i = 0; ok && i < 17; i++) {
            char c = text.charAt(i);
            ok = i % 3 == 2 ? c == ':' : Character.digit(c, 16) >= 0 && c < 0x80;
        }
        if (!ok) {
            problems.add(word, "malformed MAC address " + word.quoted() + " (expected six hex pairs like 02:00:00:00:00:01)");
            return Optional.empty();
        }
        return Optional.of(new Located<>(text.toLowerCase(Locale.ROOT), word.source()));
    }

    /**
     * An interface's own MAC: one the kernel takes on an interface ({@code is_valid_ether_addr}),
     * neither multicast (the low bit of the first octet, which broadcast has too) nor all zero;
     * it refuses either with EADDRNOTAVAIL. A globally administered one is taken: a lab may copy a
     * real machine's.
     */
    static Optional<Located<String>> unicastMac(Word word, Problems problems) {
        Optional<Located<String>> mac = mac(word, problems);
        if (mac.isEmpty()) {
            return mac;
        }
        String text = mac.get().value();
        String problem = text.equals("00:00:00:00:00:00") ? "is all zero"
                : (Character.digit(text.charAt(1), 16) & 1) != 0 ? "is a multicast address (the low bit of its first octet is set)"
                : null;
        if (problem != null) {
            problems.add(word, "MAC " + word.quoted() + " " + problem + "; an interface's must be unicast (the kernel "
                    + "says EADDRNOTAVAIL)");
            return Optional.empty();
        }
        return mac;
    }

    /** A decimal number in {@code min..max}, or empty after reporting why not. */
    static OptionalLong number(Word word, String what, long min, long max, Problems problems) {
        String text = word.text();
        boolean negative = text.startsWith("-");
        long magnitude = decimal(negative ? text.substring(1) : text);
        if (magnitude < 0) {
            problems.add(word, "malformed " + what + " " + word.quoted() + " (expected a decimal number)");
            return OptionalLong.empty();
        }
        long value = negative ? -magnitude : magnitude;
        if (value < min || value > max || magnitude == Long.MAX_VALUE) {
            problems.add(word, what + " " + Word.quote(text).replace("'", "") + " is out of range (" + min + ".." + max + ")");
            return OptionalLong.empty();
        }
        return OptionalLong.of(value);
    }

    /**
     * {@code 300ms} or {@code 2s}: a whole number of milliseconds or seconds in {@code min..max}
     * ({@code what} names it in messages), or empty after reporting why not. No fractions: 1.5s is
     * 1500ms, one spelling for each duration.
     */
    static Optional<Located<Duration>> duration(Word word, String what, Duration min, Duration max, Problems problems) {
        String text = word.text();
        boolean millis = text.endsWith("ms");
        long amount = text.endsWith("s") ? decimal(text.substring(0, text.length() - (millis ? 2 : 1))) : -1;
        if (amount < 0) {
            problems.add(word, "malformed duration " + word.quoted()
                    + " (expected a whole number of ms or s, e.g. 300ms or 2s)");
            return Optional.empty();
        }
        Duration duration = millis ? Duration.ofMillis(amount) : Duration.ofSeconds(amount);
        if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
            problems.add(word, what + " " + Word.quote(text).replace("'", "") + " is out of range ("
                    + Durations.text(min) + ".." + Durations.text(max) + ")");
            return Optional.empty();
        }
        return Optional.of(new Located<>(duration, word.source()));
    }

    /** Plain ASCII digits; -1 when there are none or others, Long.MAX_VALUE when too long to matter. */
    static long decimal(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return text.length() > 18 ? Long.MAX_VALUE : Long.parseLong(text);
    }
}

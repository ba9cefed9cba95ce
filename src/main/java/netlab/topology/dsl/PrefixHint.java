package netlab.topology.dsl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import netlab.topology.Cidr;

/**
 * The prefix length to suggest for an address written without one: that of the segment the file
 * shows it on (the longest prefix written elsewhere in the file whose network holds it, e.g. the
 * bridge's /24), else one host's (/32, /128). Read only when the problem is reported, so a
 * correct file pays nothing for it.
 */
final class PrefixHint {
    private PrefixHint() {}

    static int forAddress(InetAddress address, List<String> lines) {
        int host = address instanceof Inet4Address ? 32 : 128;
        int best = -1;
        for (String line : lines) {
            int comment = line.indexOf('#');
            for (String word : (comment < 0 ? line : line.substring(0, comment)).trim().split("\\s+")) {
                int length = prefixHolding(word, address, host);
                best = Math.max(best, length);
            }
        }
        return best < 0 ? host : best;
    }

    /** The prefix of {@code word} if it is ADDR/N of the same family, shorter than a host's, holding the address; else -1. */
    private static int prefixHolding(String word, InetAddress address, int host) {
        int slash = word.indexOf('/');
        if (slash < 0) {
            return -1;
        }
        InetAddress written = IpText.parse(word.substring(0, slash));
        long length = Literals.decimal(word.substring(slash + 1));
        if (written == null || written.getClass() != address.getClass() || length < 1 || length >= host) {
            return -1;
        }
        return new Cidr(written, (int) length).contains(address) ? (int) length : -1;
    }
}

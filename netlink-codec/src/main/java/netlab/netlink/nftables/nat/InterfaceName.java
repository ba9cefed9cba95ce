package netlab.netlink.nftables.nat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * An interface name in an {@code oifname} match: what the kernel allows, what nft can write, and
 * the 16 bytes the match compares.
 */
final class InterfaceName {
    /** IFNAMSIZ ({@code <linux/if.h>}): nft compares a name as 16 bytes, NUL-padded. */
    static final int IFNAMSIZ = 16;

    private InterfaceName() {}

    /**
     * Accepts a name the kernel can give an interface (dev_valid_name in net/core/dev.c: 1..15
     * bytes, not {@code .} or {@code ..}, no {@code /}, {@code :} or white space) and that nft
     * can write in quotes: no {@code "} (nft's strings have no escape for it), no control
     * characters, and no {@code \*} at the end, which nft reads back as a plain {@code *}.
     */
    static String require(String name) {
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(name)) {
            throw invalid(name, "is not valid UTF-8 text");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 1 || bytes >= IFNAMSIZ) {
            throw invalid(name, "has " + bytes + " bytes; an interface name has 1.." + (IFNAMSIZ - 1));
        }
        if (name.equals(".") || name.equals("..") || name.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c))) {
            throw invalid(name, "is not a name the kernel gives an interface (no / : or white space, not . or ..)");
        }
        if (name.chars().anyMatch(c -> c == '"' || Character.isISOControl(c)) || name.endsWith("\\*")) {
            throw invalid(name, "cannot be written in nft's syntax (a \" or control character, or \\* at the end)");
        }
        return name;
    }

    /**
     * The name as nft prints it, in double quotes. A trailing {@code *} would make the match a
     * prefix wildcard ({@code "eth*"} compares only {@code eth}), so a name that really ends in
     * {@code *} is written {@code "wan\*"}.
     */
    static String quoted(String name) {
        return "\"" + (name.endsWith("*") ? name.substring(0, name.length() - 1) + "\\*" : name) + "\"";
    }

    /** The name's UTF-8 bytes, NUL-padded to IFNAMSIZ: what {@code cmp} compares the output interface with. */
    static byte[] padded(String name) {
        return Arrays.copyOf(name.getBytes(StandardCharsets.UTF_8), IFNAMSIZ);
    }

    /**
     * The name in IFNAMSIZ padded bytes: the bytes before the first NUL, when every byte after it
     * is NUL too; empty for anything else (a wildcard's shorter value, bytes after the NUL).
     */
    static Optional<String> unpadded(byte[] value) {
        if (value.length != IFNAMSIZ) {
            return Optional.empty();
        }
        int end = 0;
        while (end < value.length && value[end] != 0) {
            end++;
        }
        for (int i = end; i < value.length; i++) {
            if (value[i] != 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new String(value, 0, end, StandardCharsets.UTF_8));
    }

    private static IllegalArgumentException invalid(String name, String why) {
        return new IllegalArgumentException("interface name \"" + name + "\" " + why);
    }
}

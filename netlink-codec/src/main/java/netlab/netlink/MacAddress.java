package netlab.netlink;

import java.util.Arrays;
import java.util.HexFormat;

/** A 6-byte Ethernet address, printed and parsed as {@code 02:00:00:00:00:01}. */
public record MacAddress(byte[] bytes) {
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":");

    public MacAddress {
        if (bytes.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, not " + bytes.length);
        }
        bytes = bytes.clone();
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff}; throws IllegalArgumentException otherwise. */
    public static MacAddress parse(String text) {
        if (!text.matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
            throw new IllegalArgumentException("not a MAC address: '" + text + "' (expected aa:bb:cc:dd:ee:ff)");
        }
        return new MacAddress(COLONS.parseHex(text));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MacAddress mac && Arrays.equals(mac.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return COLONS.formatHex(bytes);
    }
}

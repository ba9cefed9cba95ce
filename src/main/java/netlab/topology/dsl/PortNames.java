package netlab.topology.dsl;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The name of the bridge port made by {@code link IF to BR} without {@code port NAME}, written
 * in node NODE:
 * <ul>
 * <li>{@code NODE-IF} when that fits in 15 bytes ({@code ns1-eth0});</li>
 * <li>otherwise the first 6 bytes of NODE (cut at a character boundary), {@code -}, and the
 * CRC-32 of the UTF-8 text {@code NODE:IF} as 8 lower-case hex digits
 * ({@code contai-1e30efb5} for {@code container-foo} and {@code eth0}).</li>
 * </ul>
 * Both are valid interface names (node and interface names hold no '/', ':' or blanks). Two
 * links could still meet on one name (a CRC collision, or a port someone named so by hand); the
 * resolver reports that as a duplicate interface, and {@code port NAME} settles it.
 */
final class PortNames {
    static final int PREFIX_BYTES = 6;

    private PortNames() {}

    static String automatic(String node, String interfaceName) {
        String plain = node + "-" + interfaceName;
        if (Names.bytes(plain) <= Names.INTERFACE_MAX_BYTES) {
            return plain;
        }
        CRC32 crc = new CRC32();
        crc.update((node + ":" + interfaceName).getBytes(StandardCharsets.UTF_8));
        return prefix(node) + "-" + String.format("%08x", crc.getValue());
    }

    private static String prefix(String node) {
        int end = 0;
        int bytes = 0;
        while (end < node.length()) {
            int codePoint = node.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > PREFIX_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return node.substring(0, end);
    }
}

package netlab.topology.write;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The name the reader gives the bridge port of {@code link IF to BR} written in node NODE
 * without {@code port NAME} (docs/topology-language.md, "Automatic port names"): {@code NODE-IF}
 * when it fits in 15 bytes, else NODE's first 6 bytes, {@code -} and the CRC-32 of
 * {@code NODE:IF}. The reader's own rule lives in the language package, which the writer may not
 * use; the golden test pins both forms, so the two cannot drift apart unnoticed.
 */
final class AutomaticPortName {
    private static final int INTERFACE_MAX_BYTES = 15;
    private static final int PREFIX_BYTES = 6;

    private AutomaticPortName() {}

    static String of(String node, String interfaceName) {
        String plain = node + "-" + interfaceName;
        if (utf8(plain).length <= INTERFACE_MAX_BYTES) {
            return plain;
        }
        CRC32 crc = new CRC32();
        crc.update(utf8(node + ":" + interfaceName));
        return prefix(node) + "-" + HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** At most {@link #PREFIX_BYTES} bytes of {@code node}, cut between characters. */
    private static String prefix(String node) {
        int end = 0;
        int bytes = 0;
        while (end < node.length()) {
            int codePoint = node.codePointAt(end);
            int size = utf8(Character.toString(codePoint)).length;
            if (bytes + size > PREFIX_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return node.substring(0, end);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

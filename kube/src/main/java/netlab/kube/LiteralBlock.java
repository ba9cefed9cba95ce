package netlab.kube;

/**
 * Whether a literal block scalar ({@code |}) carries a text exactly to every reader of what
 * netlab prints: YAML 1.2 ones (fabric8's snakeyaml-engine) and YAML 1.1 ones (kubectl's
 * go-yaml, a port of libyaml; PyYAML). Only lines of printable ASCII qualify: YAML 1.1 reads NEL,
 * LS and PS as line breaks, and a node name may hold LS or PS; the other characters go
 * escaped into a double-quoted string (ObjectsYaml prints ASCII only).
 */
final class LiteralBlock {
    private LiteralBlock() {}

    static boolean carries(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A space that ends a line: kept by YAML, lost to any editor that strips trailing blanks.
            if (c == '\n' ? i > 0 && text.charAt(i - 1) == ' ' : c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return !text.endsWith(" ");
    }
}

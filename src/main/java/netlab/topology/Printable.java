package netlab.topology;

/**
 * Text from a file or the command line (a path, a name) shown to the user: control characters
 * would let it rewrite the terminal, or end a line and start another, so they show as '?'.
 */
public final class Printable {
    private Printable() {}

    /** {@code text} on one line: C0 controls (a tab, a newline, an escape), DEL and C1 as '?'. */
    public static String line(String text) {
        return excerpt(text).replace('\t', '?');
    }

    /** The same, tabs kept: a source line shown under its error keeps its columns. */
    public static String excerpt(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c != '\t' && (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) ? '?' : c);
        }
        return out.toString();
    }
}

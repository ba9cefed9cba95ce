package netlab.topology.dsl;

import netlab.topology.Printable;

import netlab.topology.Source;

/**
 * One problem in a topology file: where, what, and the line it is on, rendered as
 * <pre>
 * lan.topo:9:3: unknown statement 'adress' (did you mean 'address'?)
 *   adress eth0 192.168.0.1/24
 *   ^
 * </pre>
 * A {@code line} of 0 means the file as a whole (it could not be read): no line is quoted.
 */
public record Diagnostic(Source source, String message, String lineText) {
    /** Quoted lines are cut to a window around the column so a 10 MB line prints as one row. */
    static final int WINDOW = 120;

    public String render() {
        if (source.line() <= 0) {
            return toString();
        }
        int column = Math.max(1, source.column());
        int start = 0;
        int end = lineText.length();
        if (end > WINDOW) {
            start = Math.max(0, Math.min(column - 1 - WINDOW / 2, end - WINDOW));
            end = Math.min(end, start + WINDOW);
        }
        String prefix = start > 0 ? "..." : "";
        String suffix = end < lineText.length() ? "..." : "";
        String shown = Printable.excerpt(lineText.substring(start, end));
        StringBuilder caret = new StringBuilder("  ").append(" ".repeat(prefix.length()));
        // Tabs stay tabs under the caret so it lines up however the terminal expands them.
        for (int i = start; i < Math.min(column - 1, end); i++) {
            caret.append(lineText.charAt(i) == '\t' ? '\t' : ' ');
        }
        caret.append('^');
        return this + "\n  " + prefix + shown + suffix + "\n" + caret;
    }

    /**
     * The first line of {@link #render()}: {@code FILE:LINE:COL: message}, or {@code FILE: message}.
     * The file's name is shown printable too: it comes from the command line, and may hold anything.
     */
    @Override
    public String toString() {
        String where = source.line() <= 0 ? source.file() : source.toString();
        return Printable.line(where) + ": " + message;
    }
}

package netlab.topology.dsl;

import netlab.topology.Printable;

import netlab.topology.Source;

/** A token of the file and where it starts. */
record Word(String text, Source source) {
    /** Longest piece of a token repeated in a message; hostile files may hold megabyte tokens. */
    private static final int QUOTE_LIMIT = 40;

    /** The part of this token from {@code start} to {@code end}, with its own column. */
    Word slice(int start, int end) {
        return new Word(text.substring(start, end),
                new Source(source.file(), source.line(), source.column() + start));
    }

    /** {@code 'text'} for messages, cut short and made printable. */
    String quoted() {
        return quote(text);
    }

    static String quote(String text) {
        String cut = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text;
        return "'" + Printable.line(cut) + "'";
    }

    boolean is(String keyword) {
        return text.equals(keyword);
    }
}

package netlab.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Writes JSON (RFC 8259) into a string, indented two spaces a level. Small on purpose: netlab
 * prints a few documents and needs no JSON library for that. The caller nests correctly; names
 * are written only inside objects.
 */
final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    /** Per open container: whether it has no member yet. */
    private final Deque<Boolean> empty = new ArrayDeque<>();
    private boolean afterName;
    /** All on one line (one document a line, as {@code watch --json} prints them). */
    private final boolean oneLine;

    JsonWriter() {
        this(false);
    }

    JsonWriter(boolean oneLine) {
        this.oneLine = oneLine;
    }

    JsonWriter beginObject() {
        return open('{');
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        return open('[');
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        separate();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        separate();
        string(value);
        return this;
    }

    JsonWriter value(long value) {
        separate();
        out.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    JsonWriter nullValue() {
        separate();
        out.append("null");
        return this;
    }

    /** The string, or null when absent. */
    JsonWriter value(Optional<?> value) {
        return value.isPresent() ? value(value.get().toString()) : nullValue();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private JsonWriter open(char bracket) {
        separate();
        out.append(bracket);
        empty.push(true);
        return this;
    }

    private JsonWriter close(char bracket) {
        boolean wasEmpty = empty.pop();
        if (!wasEmpty) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    /** Before a value or a name: the comma and line break, unless a name was just written. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (empty.isEmpty()) {
            return;
        }
        if (!empty.peek()) {
            out.append(',');
        }
        empty.pop();
        empty.push(false);
        newline();
    }

    private void newline() {
        if (oneLine) {
            return;
        }
        out.append('\n').append("  ".repeat(empty.size()));
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

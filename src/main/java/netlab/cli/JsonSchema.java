package netlab.cli;

/**
 * The version of netlab's JSON documents ({@code show}, {@code test}, {@code pingall}, {@code ls}),
 * written first in each as {@code schema_version}. Adding a field keeps it; renaming or removing
 * one, or changing what a field means, raises it, so a script can refuse a document it does not know.
 */
final class JsonSchema {
    static final int VERSION = 1;

    private JsonSchema() {}

    /** A writer with the document's object opened and its schema version written. */
    static JsonWriter document() {
        return new JsonWriter().beginObject().name("schema_version").value(VERSION);
    }
}

package netlab.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** Standard output and error as picocli makes its writers, for the verbs that skip picocli. */
final class StandardWriters {
    private StandardWriters() {}

    /** Buffered; the caller flushes. */
    static PrintWriter out() {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, Charset.defaultCharset())), true);
    }

    /** Flushed at each line. */
    static PrintWriter err() {
        return new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
    }
}

package netlab.cli;

import java.io.PrintWriter;
import netlab.error.FailureKind;
import netlab.error.NetlabException;

/**
 * The one place where failures become a short message and an exit code; verbose adds the stack
 * trace for bug reports. Used by picocli's handler and by the shortcuts alike. A failure netlab
 * does not know the kind of is a bug: its class is printed with it.
 */
final class Failures {
    private Failures() {}

    /** Prints what went wrong to {@code err} and returns netlab's exit status for it. */
    static int report(Exception e, PrintWriter err, boolean verbose) {
        int code;
        if (e instanceof InnerStatus inner) {
            return inner.status();
        }
        if (e instanceof NetlabException failure) {
            code = ExitCodes.of(failure.kind());
            // A topology file's problems are whole lines of their own (FILE:LINE:COL: ...).
            err.println(failure.kind() == FailureKind.TOPOLOGY_FILE
                    ? failure.getMessage() : Colour.err().red("netlab: " + failure.getMessage()));
        } else {
            code = ExitCodes.INTERNAL;
            err.println(Colour.err().red("netlab: " + e));
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}

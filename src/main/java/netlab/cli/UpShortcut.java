package netlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code netlab [-v] up FILE}, the form people type, without picocli: building picocli's model
 * of the verb costs about a quarter of a small lab's whole up (docs/startup.md). Every other
 * form (--dry-run, help, {@code @files}, options after the verb) goes to picocli, which reads it
 * as {@link UpCommand} declares; both paths run {@link UpCommand#up} and report failures through
 * {@link Failures}, so output and exit codes are the same either way.
 */
final class UpShortcut {
    private UpShortcut() {}

    /** True when picocli would read {@code args} as exactly this: maybe -v, the up verb, a file. */
    static boolean applies(String[] args) {
        int verb = args.length == 3 && (args[0].equals("-v") || args[0].equals("--verbose")) ? 1 : 0;
        if (args.length != verb + 2 || !args[verb].equals("up")) {
            return false;
        }
        String file = args[verb + 1];
        return !file.isEmpty() && !file.startsWith("-") && !file.startsWith("@");
    }

    static int run(String[] args) {
        boolean verbose = args.length == 3;
        PrintWriter out = StandardWriters.out();
        PrintWriter err = StandardWriters.err();
        try {
            UpCommand.up(Path.of(args[args.length - 1]), new UpCommand.Placing(null, false), false, verbose, out, err);
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            return Failures.report(e, err, verbose);
        } finally {
            out.flush();
            err.flush();
        }
    }
}

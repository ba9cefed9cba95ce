package netlab.cli;

import java.io.PrintWriter;

/**
 * The form people type most, {@code netlab [-v] VERB OPERAND}, recognised without picocli:
 * building picocli's model of a verb costs about a quarter of a small lab's whole command
 * (docs/startup.md). Anything else (options after the verb, help, {@code @files}) is left to
 * picocli. The verb's own code runs either way, and failures go through {@link Failures}, so
 * output and exit codes are the same on both paths.
 */
final class PlainForm {
    /** The verb's code, given what picocli's path would give it. */
    interface Verb {
        void run(String operand, boolean verbose, PrintWriter out, PrintWriter err);
    }

    private PlainForm() {}

    /** True when picocli would read {@code args} as exactly: maybe -v, {@code verb}, one plain operand. */
    static boolean is(String[] args, String verb) {
        int at = args.length == 3 && (args[0].equals("-v") || args[0].equals("--verbose")) ? 1 : 0;
        if (args.length != at + 2 || !args[at].equals(verb)) {
            return false;
        }
        String operand = args[at + 1];
        return !operand.isEmpty() && !operand.startsWith("-") && !operand.startsWith("@");
    }

    /** Runs a plain form ({@link #is} said so) and returns its exit status. */
    static int run(String[] args, Verb verb) {
        boolean verbose = args.length == 3;
        PrintWriter out = StandardWriters.out();
        PrintWriter err = StandardWriters.err();
        try {
            verb.run(args[args.length - 1], verbose, out, err);
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            return Failures.report(e, err, verbose);
        } finally {
            out.flush();
            err.flush();
        }
    }
}

package netlab.cli;

import java.util.List;

/**
 * {@code netlab exec NODE PROGRAM [ARG...]}, the form scripts run over and over, without
 * picocli: building picocli's model of every verb takes longer than the exec itself (see
 * docs/startup.md). Every other form (options, help, {@code @files}, too few arguments) goes to
 * picocli, which reads it as {@link ExecCommand} declares, so messages and exit codes stay the
 * same either way.
 */
final class ExecShortcut {
    private ExecShortcut() {}

    /**
     * True when picocli would read {@code args} as exactly this: the exec verb, a node that is
     * not an option, and a program. After the node everything is the program's (exec stops at
     * its first positional), but picocli would still expand an argument file named {@code @x},
     * {@code exec NODE --help} asks for exec's usage ({@link ExecCommand#run}), and
     * {@code exec NODE --} names no program.
     */
    static boolean applies(String[] args) {
        if (args.length < 3 || !args[0].equals("exec") || args[1].startsWith("-")
                || HelpOption.is(args[2]) || (args.length == 3 && args[2].equals("--"))) {
            return false;
        }
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return false;
            }
        }
        return true;
    }

    /** Replaces this process with the program; returns an exit status only when it could not. */
    static int run(String[] args) {
        List<String> all = List.of(args);
        try {
            ExecCommand.exec(all.get(1), ExecCommand.program(all.subList(2, all.size())));
            return ExitCodes.OK; // not reached: exec replaces the process or throws
        } catch (RuntimeException e) {
            return Failures.report(e, StandardWriters.err(), false);
        }
    }
}

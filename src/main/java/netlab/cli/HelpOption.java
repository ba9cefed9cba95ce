package netlab.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} on a verb, mixed into each one. A usage-help option is what makes
 * picocli print the verb's usage and exit 0 before it checks required parameters; without it
 * {@code netlab up --help} was "Missing required parameter: 'FILE'" and exit 2.
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean requested;

    /** True when {@code arg} is one of this option's names. */
    static boolean is(String arg) {
        return arg.equals("-h") || arg.equals("--help");
    }
}

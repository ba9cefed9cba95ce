package netlab.cli;

import picocli.CommandLine;

/** Entry point of the {@code netlab} launcher. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(NetlabCommand.commandLine().execute(args));
    }
}

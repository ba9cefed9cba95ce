package netlab.cli;

import picocli.CommandLine;

/** Entry point of the {@code netlab} launcher. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        CommandLine commandLine = NetlabCommand.commandLine();
        int status = commandLine.execute(args);
        // picocli's writers flush only on println and printf; a verb that ends in print (plan,
        // up --dry-run) would otherwise lose its output to System.exit.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(status);
    }
}

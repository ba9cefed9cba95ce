package netlab.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** Entry point of the {@code netlab} launcher. */
public final class Main {
    /**
     * Netty logs through java.util.logging and warns, with a stack trace, when it finds no
     * loopback interface (a fresh namespace): noise to a user, and nothing netlab relies on.
     * Kept in a field because the logging framework holds loggers weakly.
     */
    private static final Logger NETTY = Logger.getLogger("io.netty");

    private Main() {}

    public static void main(String[] args) {
        NETTY.setLevel(Level.SEVERE);
        CommandLine commandLine = NetlabCommand.commandLine();
        int status = commandLine.execute(args);
        // Verbs print with print(), not println(): flush what picocli's writers still hold.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(status);
    }
}

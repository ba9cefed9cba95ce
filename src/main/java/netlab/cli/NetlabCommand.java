package netlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code netlab} command; each verb is a subcommand class of its own. */
@Command(
        name = "netlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds virtual network labs (namespaces, veths, bridges, routes, NAT) "
                + "from a topology file, speaking netlink to the kernel directly.",
        subcommands = {CommandLine.HelpCommand.class})
public final class NetlabCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command line every caller uses, so the launcher and in-process tests behave alike. */
    public static CommandLine commandLine() {
        return new CommandLine(new NetlabCommand());
    }

    @Override
    public void run() {
        // No verb given: show what there is, and say it was a usage error.
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
}

package netlab.cli;

import netlab.kernel.NetlinkTrace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code netlab} command; each verb is a subcommand class of its own. */
@Command(
        name = "netlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds virtual network labs (namespaces, veths, bridges, routes, NAT) "
                + "from a topology file, speaking netlink to the kernel directly.",
        subcommands = {UpCommand.class, DownCommand.class, ExecCommand.class, LsCommand.class, ShowCommand.class,
                CheckCommand.class, PlanCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "2:usage error", "3:topology file error", "4:the kernel refused a change",
                "5:not permitted (run as root)", "6:lab state problem (not up, already up, broken)"})
public final class NetlabCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Say more; show stack traces of failures.")
    boolean verbose;

    @Option(names = "--trace-netlink", scope = ScopeType.INHERIT,
            description = "Print every netlink message sent and received, decoded.")
    void traceNetlink(boolean on) {
        NetlinkTrace.to(on ? line -> spec.commandLine().getErr().print(line) : null);
    }

    /** The command line every caller uses, so the launcher and in-process tests behave alike. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new NetlabCommand());
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        // netlab exec ns1 ping -c1 ...: everything after the node belongs to the program.
        commandLine.getSubcommands().get("exec").setStopAtPositional(true);
        return commandLine;
    }

    static boolean verbose(CommandLine command) {
        CommandLine root = command;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return ((NetlabCommand) root.getCommand()).verbose;
    }

    @Override
    public void run() {
        // No verb given: show what there is, and say it was a usage error.
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
}

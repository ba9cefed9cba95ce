package netlab.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import netlab.kernel.NetlinkTrace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The top-level {@code netlab} command; each verb is a subcommand class of its own, added in
 * {@link #VERBS}' order (the order help lists them).
 */
@Command(
        name = "netlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Builds virtual network labs (namespaces, veths, bridges, routes, NAT) "
                + "from a topology file, speaking netlink to the kernel directly.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:test: an expectation failed; pingall: a pair did not answer; doctor: a problem found", "2:usage error",
                "3:topology file error", "4:the kernel refused a change", "5:not permitted (run as root)",
                "6:lab state problem (not up, already up, broken)",
                "70:netlab failed unexpectedly (a bug)", "126:exec: the program cannot be run",
                "127:exec: the program is not found", "130:interrupted (SIGINT or SIGTERM)"})
public final class NetlabCommand implements Runnable {
    /** Each verb's class, which picocli instantiates, in the order help lists them. */
    private static final Map<String, Class<?>> VERBS = verbs();
    /** Root options that may come before the verb without changing which verbs picocli needs. */
    private static final Set<String> PLAIN_ROOT_OPTIONS = Set.of("-v", "--verbose", "--trace-netlink");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Say more; show stack traces of failures.")
    boolean verbose;

    @Option(names = "--trace-netlink", scope = ScopeType.INHERIT,
            description = "Print every netlink message sent and received, decoded.")
    void traceNetlink(boolean on) {
        NetlinkTrace.to(on ? line -> spec.commandLine().getErr().print(line) : null);
    }

    /** The command line with every verb, as tests and help see it. */
    public static CommandLine commandLine() {
        return commandLine(VERBS.keySet());
    }

    /**
     * The command line for {@code args}: only the verb they name when that cannot change what
     * picocli prints (picocli reflects over each verb it is given, which takes longer than most
     * verbs run), every verb otherwise: help, a misspelt verb, anything unusual before the verb.
     */
    public static CommandLine commandLine(String[] args) {
        for (String arg : args) {
            if (!PLAIN_ROOT_OPTIONS.contains(arg)) {
                boolean alone = VERBS.containsKey(arg) && !arg.equals("help");
                return alone ? commandLine(Set.of(arg)) : commandLine();
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(Set<String> verbs) {
        CommandLine commandLine = new CommandLine(new NetlabCommand());
        for (Map.Entry<String, Class<?>> verb : VERBS.entrySet()) {
            if (verbs.contains(verb.getKey())) {
                // k8s: looked up only when asked for, so no other verb pays for the look.
                commandLine.addSubcommand(verb.getKey(), verb.getValue() == KubeVerb.class ? KubeVerb.command() : verb.getValue());
            }
        }
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.setParameterExceptionHandler(new UnknownVerb(commandLine.getParameterExceptionHandler()));
        if (verbs.contains("exec")) {
            // netlab exec ns1 ping -c1 ...: everything after the node belongs to the program.
            commandLine.getSubcommands().get("exec").setStopAtPositional(true);
        }
        return commandLine;
    }

    private static Map<String, Class<?>> verbs() {
        Map<String, Class<?>> verbs = new LinkedHashMap<>();
        verbs.put("up", UpCommand.class);
        verbs.put("down", DownCommand.class);
        verbs.put("exec", ExecCommand.class);
        verbs.put("ls", LsCommand.class);
        verbs.put("show", ShowCommand.class);
        verbs.put("watch", WatchCommand.class);
        verbs.put("link", LinkCommand.class);
        verbs.put("impair", ImpairCommand.class);
        verbs.put("check", CheckCommand.class);
        verbs.put("plan", PlanCommand.class);
        verbs.put("partition", PartitionCommand.class);
        verbs.put("k8s", KubeVerb.class);
        verbs.put("test", TestCommand.class);
        verbs.put("pingall", PingallCommand.class);
        verbs.put("graph", GraphCommand.class);
        verbs.put("doctor", DoctorCommand.class);
        verbs.put("completion", CompletionCommand.class);
        verbs.put("help", CommandLine.HelpCommand.class);
        verbs.put(CompleteNamesCommand.NAME, CompleteNamesCommand.class);
        return verbs;
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

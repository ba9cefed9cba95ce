package netlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import netlab.error.LabStateException;
import netlab.executor.Executor;
import netlab.executor.StepTimes;
import netlab.executor.step.Steps;
import netlab.kernel.Kernel;
import netlab.plan.Plan;
import netlab.plan.Planner;
import netlab.state.LabLock;
import netlab.state.StateStore;
import netlab.topology.Lab;
import netlab.topology.NetInterface;
import netlab.topology.Node;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "up", description = "Bring a lab up from its topology file.")
final class UpCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The topology file (.topo).")
    Path file;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--name", paramLabel = "NAME", description = "Bring the file up as lab NAME in namespaces of its "
            + "own (its host too), so that one file can be up many times at once; its nodes are NAME:NODE.")
    String name;

    @Option(names = "--rootless", description = "Build the lab as an ordinary user's, in a user namespace of its own "
            + "(what netlab does when not run as root).")
    boolean rootless;

    @Option(names = "--hold", description = "Stay in the foreground with the lab up (a machine's part of a split "
            + "lab: docs/partition.md): take down what an earlier instance left first, re-point tunnels when --peers "
            + "changes, take the lab down on SIGTERM or Ctrl-C.")
    boolean hold;

    @Option(names = "--peers", paramLabel = "FILE", description = "With --hold: lines 'ADDRESS TARGET'; a tunnel the "
            + "file sends to ADDRESS goes to TARGET (an address or a name), looked at again while the lab is held.")
    Path peers;

    @Option(names = "--ready-file", paramLabel = "FILE", description = "With --hold: written once the lab is up, "
            + "removed when it goes down (for a readiness probe).")
    Path readyFile;

    /**
     * Not an option: {@code up} builds on this machine, and reaching others is not netlab's job
     * (no ssh fan-out). Said as the way to a split lab (docs/partition.md, "Why not up --hosts").
     */
    @Option(names = "--hosts", paramLabel = "K", hidden = true)
    Integer hosts;

    /** Where the lab goes: its own name ({@code --name}) and whether in a user namespace. */
    record Placing(String name, boolean rootless) {}

    @Override
    public void run() {
        CommandLine commandLine = spec.commandLine();
        if (hosts != null) {
            throw new ParameterException(commandLine, "up builds a lab on this machine; to run it over " + hosts
                    + " machines, netlab partition FILE --hosts " + hosts + " --write DIR and netlab up DIR/LAB.pN.topo "
                    + "--hold on each, or netlab k8s up FILE --hosts " + hosts + " on a cluster (docs/partition.md)");
        }
        if (hold) {
            if (dryRun || name != null || rootless) {
                throw new ParameterException(commandLine, "--hold takes no --dry-run, --name or --rootless: a held "
                        + "part is the machine's own lab");
            }
            if (readyFile != null) {
                ReadyFileCheck.problem(readyFile, file, Optional.ofNullable(peers)).ifPresent(problem -> {
                    throw new ParameterException(commandLine, problem);
                });
            }
            PartAgent.hold(file, Optional.ofNullable(peers), Optional.ofNullable(readyFile), commandLine.getErr());
            return;
        }
        if (peers != null || readyFile != null) {
            throw new ParameterException(commandLine, "--peers and --ready-file go with --hold");
        }
        up(file, new Placing(name, rootless), dryRun, NetlabCommand.verbose(commandLine), commandLine.getOut(),
                commandLine.getErr());
    }

    /** The verb itself, for picocli and for {@link UpShortcut}. */
    static void up(Path file, Placing placing, boolean dryRun, boolean verbose, PrintWriter out, PrintWriter err) {
        if (dryRun) {
            Lab lab = named(Labs.read(file), placing);
            out.print(Steps.script(Planner.plan(lab)));
            out.print(PlanCommand.expectations(lab.expectations()));
            out.flush();
            return;
        }
        NettyLogging.quiet();
        // The kernel connection opens while the file is read: the one for the check and the work
        // (the executor closes it; a second close is harmless).
        if (!Placement.inside() && (placing.name() != null || placing.rootless() || Placement.rootless())) {
            HeldUp.up(file, placing.name(), placing.rootless() || Placement.rootless(), verbose, err);
            return;
        }
        try (KernelInBackground background = KernelInBackground.start()) {
            Lab lab = named(Labs.read(file), placing);
            Plan plan = Planner.plan(lab);
            Privileges.requireAdmin();
            StateStore store = Labs.store();
            Instant start = Instant.now();
            try (LabLock lock = Labs.lock(store, lab.name()); Kernel kernel = background.kernel()) {
                store.load(lab.name()).ifPresent(state -> {
                    throw new LabStateException("lab " + lab.name() + " is already up (since " + state.since()
                            + (state.isUp() ? "" : ", broken") + "); take it down first: netlab down " + lab.name());
                });
                // -v prints each group's time on stderr: that is its progress.
                if (verbose) {
                    new Executor(store).up(lab, plan, stepTimes(err), kernel);
                } else {
                    try (Progress progress = Progress.ofUp(lab.name(), err)) {
                        new Executor(store).up(lab, plan, progress, kernel);
                    }
                }
            }
            out.print(summary(lab, Duration.between(start, Instant.now())));
            out.flush();
        }
    }

    /** The lab as {@code --name} calls it (inside a holder: the outer netlab passes the name on). */
    private static Lab named(Lab lab, Placing placing) {
        return placing.name() == null ? lab : lab.named(Labs.requireName(placing.name()));
    }

    /** -v: each group of steps with its time, on stderr (stdout stays the summary). */
    private static StepTimes stepTimes(PrintWriter err) {
        return (what, steps, took) -> {
            // A command may be long (the hosts file's printf names every address of the lab).
            String command = what.length() > 100 ? what.substring(0, 96) + " ..." : what;
            err.printf("%6d ms  %s%s%n", took.toMillis(), command, steps > 1 ? " (and " + (steps - 1) + " more like it)" : "");
            err.flush();
        };
    }

    private static String summary(Lab lab, Duration took) {
        StringBuilder text = new StringBuilder();
        text.append("lab ").append(lab.name()).append(" is up (").append(took.toMillis()).append(" ms)\n");
        for (Node node : lab.nodes()) {
            text.append("  ").append(node.isHost() ? "host" : "node " + node.name()).append(':');
            for (NetInterface i : node.interfaces()) {
                if (i instanceof NetInterface.Loopback && i.addresses().isEmpty()) {
                    continue;
                }
                text.append(' ').append(i.name());
                if (!i.addresses().isEmpty()) {
                    text.append(i.addresses().toString().replace(" ", ""));
                }
            }
            text.append('\n');
        }
        String example = lab.namespaces().isEmpty() ? "NODE" : lab.namespaces().getFirst().name();
        if (Placement.inside()) {
            example = lab.name() + ":" + example; // a lab in its own namespaces may be one of many copies
        }
        text.append("use it:  netlab exec ").append(example).append(" ip addr\n");
        text.append("see it:  netlab show ").append(lab.name()).append('\n');
        text.append("end it:  netlab down ").append(lab.name()).append('\n');
        return text.toString();
    }
}

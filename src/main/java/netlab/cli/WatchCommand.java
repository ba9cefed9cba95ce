package netlab.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.executor.watch.LabWatch;
import netlab.state.LabState;
import netlab.state.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netlab watch LAB}: the lab's changes as they happen, one line each, until the lab goes
 * down (exit 0) or Ctrl-C / SIGTERM (exit 130). See docs/watch.md.
 */
@Command(name = "watch", description = "Print a lab's changes as they happen (links, addresses, routes, "
        + "neighbours), until the lab goes down (exit 0) or Ctrl-C (exit 130).")
final class WatchCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LAB|FILE", description = "The lab's name (or its topology file).")
    String lab;

    @Option(names = "--json", description = "One JSON object a line, for machines.")
    boolean json;

    @Override
    public Integer call() {
        String name = Labs.nameOf(lab);
        StateStore store = Labs.store();
        Placement.forwardIfHeld(spec.commandLine(), store, name);
        LabState state = Labs.requireWhole(Labs.requireUp(store, name));
        Privileges.requireAdmin();
        NettyLogging.quiet();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Interruptions interruptions = Interruptions.catchFrom(err, "watch ends");
                LabWatch watch = LabWatch.open(store, state)) {
            // Said once every socket listens: a change made after this line is seen.
            err.println("watching lab " + name + "; Ctrl-C to stop");
            err.flush();
            Optional<Boolean> ended = interruptions.whileWaiting(() -> {
                watch.run(event -> {
                    out.println(json ? WatchLines.json(event) : WatchLines.text(event));
                    out.flush();
                });
                return true;
            });
            if (ended.isEmpty()) {
                return ExitCodes.INTERRUPTED;
            }
        }
        err.println("lab " + name + " is down; watch ends");
        err.flush();
        return ExitCodes.OK;
    }
}

package netlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.check.ExpectationChecks;
import netlab.check.TestRun;
import netlab.check.Verdict;
import netlab.error.LabStateException;
import netlab.executor.Executor;
import netlab.executor.StepTimes;
import netlab.kernel.Kernel;
import netlab.plan.Planner;
import netlab.state.LabLock;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "test", description = {
        "Check a lab's expect statements: bring the lab up if it is not, check, take it down again.",
        "Exit status 0 when every expectation passed, 1 when one failed."})
final class TestCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|LAB", description = "The topology file, or the name of a lab that is up.")
    String target;

    @Option(names = "--expect", paramLabel = "FILE",
            description = "An expectations file (expect statements only) to check as well; may be repeated.")
    List<Path> expectFiles = new ArrayList<>();

    @Option(names = "--keep", description = "Leave the lab up after the checks (when test brought it up).")
    boolean keep;

    @Option(names = "--json", description = "Print the report as JSON (docs/checking.md).")
    boolean json;

    @Option(names = "--junit", paramLabel = "OUT.xml", description = "Also write the report as JUnit XML.")
    Path junit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StateStore store = Labs.store();
        boolean fromFile = Labs.isTopologyFile(target);
        Placement.forwardIfHeld(spec.commandLine(), store, Labs.nameOf(target));
        if (fromFile && Placement.rootless()) {
            // Not up: the whole cycle (up, checks, down) runs inside a holder made for it.
            Lab lab = Labs.read(Path.of(target));
            HeldUp.requireVisibleInside(Path.of(target));
            CommandLine root = spec.commandLine();
            while (root.getParent() != null) {
                root = root.getParent();
            }
            HeldUp.run(lab, lab.name(), true, root.getParseResult().originalArgs(), err);
            return ExitCodes.OK;
        }
        Lab lab = fromFile ? Labs.read(Path.of(target)) : Labs.recordedLab(Labs.requireUp(store, Labs.nameOf(target)));
        if (fromFile) {
        }
        for (Path file : expectFiles) {
            lab = lab.withExpectations(TopologyReader.readExpectations(file, lab));
        }
        if (lab.expectations().isEmpty()) {
            throw new ParameterException(spec.commandLine(), lab.file() + " has no expect statements and no --expect "
                    + "file was given (netlab pingall " + lab.name() + " checks every pair without them)");
        }
        JunitOutput report = junitOutput(lab, fromFile);
        Optional<TestRun> run = Optional.empty();
        Instant started = Instant.now();
        try {
            Privileges.requireAdmin();
            NettyLogging.quiet();
            try (LabLock lock = Labs.lock(store, lab.name())) {
                Optional<LabState> running = store.load(lab.name());
                if (running.isPresent()) {
                    LabState state = requireUpFrom(running.get(), fromFile ? Path.of(target) : null);
                    warnIfChanged(state, err);
                    run = Optional.of(check(lab, state));
                } else {
                    run = cycle(lab, store, err);
                }
            }
        } finally {
            if (report != null && run.isEmpty()) {
                report.abandon();
            }
        }
        if (run.isEmpty()) {
            return ExitCodes.INTERRUPTED;
        }
        out.print(json ? TestReportJson.of(run.get()) : TestReportText.of(run.get(), Colour.out()));
        out.flush();
        if (report != null) {
            try {
                report.write(JunitReport.render(run.get(), started));
            } catch (JunitOutput.Refused e) {
                err.println("netlab: " + e.getMessage());
                err.flush();
                return ExitCodes.USAGE;
            }
        }
        return run.get().failed() == 0 ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }

    /** --junit's file, checked and begun before anything else happens (null without --junit). */
    private JunitOutput junitOutput(Lab lab, boolean fromFile) {
        if (junit == null) {
            return null;
        }
        List<Path> inputs = new ArrayList<>(expectFiles);
        inputs.add(Path.of(fromFile ? target : lab.file()));
        try {
            return JunitOutput.prepare(junit, inputs, Labs.store().root());
        } catch (JunitOutput.Refused e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** A file edited since up describes another lab than the one running: say so, then check. */
    private static void warnIfChanged(LabState state, PrintWriter err) {
        try {
            if (Files.getLastModifiedTime(Path.of(state.file())).toInstant().isAfter(state.since().plusSeconds(1))) {
                say(err, state.file() + " changed after lab " + state.lab() + " came up (" + state.since()
                        + "); its expectations are checked against the lab as it runs");
            }
        } catch (IOException e) {
            // Read a moment ago; gone now: the check says what it finds.
        }
    }

    /**
     * Up, check, down: the exercise cycle. Down runs whatever happened in between, also after
     * Ctrl-C (empty result then), which waits for an up under way to finish so that down finds a
     * whole record; {@code --keep} leaves a checked lab up.
     */
    private Optional<TestRun> cycle(Lab lab, StateStore store, PrintWriter err) {
        try (Interruptions interruptions = Interruptions.catchFrom(err, "taking lab " + lab.name() + " down first")) {
            Executor executor = new Executor(store);
            Instant start = Instant.now();
            LabState state;
            try (KernelInBackground background = KernelInBackground.start(); Kernel kernel = background.kernel()) {
                state = executor.up(lab, Planner.plan(lab), StepTimes.NONE, kernel);
            }
            boolean takeDown = !keep;
            try {
                String up = "lab " + lab.name() + " is up (" + Duration.between(start, Instant.now()).toMillis() + " ms)";
                int count = lab.expectations().size();
                say(err, interruptions.requested() ? up : up + "; checking " + count
                        + (count == 1 ? " expectation" : " expectations"));
                Optional<TestRun> run = interruptions.whileWaiting(() -> check(lab, state));
                if (run.isEmpty() || interruptions.requested()) {
                    takeDown = true;
                    return Optional.empty();
                }
                return run;
            } finally {
                if (takeDown) {
                    executor.down(state).forEach(note -> say(err, note));
                    say(err, "lab " + lab.name() + " is down");
                } else {
                    say(err, "lab " + lab.name() + " stays up (--keep); end it with: netlab down " + lab.name());
                }
            }
        }
    }

    private static void say(PrintWriter err, String line) {
        err.println("netlab: " + line);
        err.flush();
    }

    private static TestRun check(Lab lab, LabState state) {
        Instant start = Instant.now();
        List<Verdict> verdicts = ExpectationChecks.check(state, lab.expectations());
        return new TestRun(lab.name(), verdicts, Duration.between(start, Instant.now()));
    }

    /** A lab that is up, from {@code file} when one was given. */
    private static LabState requireUpFrom(LabState state, Path file) {
        Labs.requireWhole(state);
        if (file != null && !Path.of(state.file()).equals(file.toAbsolutePath().normalize())) {
            throw new LabStateException("lab " + state.lab() + " is up from " + state.file() + ", not from " + file
                    + "; netlab test " + state.lab() + " checks it as it is");
        }
        return state;
    }
}

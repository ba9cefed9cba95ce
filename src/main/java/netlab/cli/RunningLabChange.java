package netlab.cli;

import java.util.function.Function;
import netlab.state.LabLock;
import netlab.state.LabState;
import netlab.state.StateStore;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code link} and {@code impair} do around their change of a running lab: a held lab's
 * command goes to its holder; otherwise root is required, and the change runs under the lab's
 * lock on a lab that is up and whole (a down running meanwhile has finished, or waits for it).
 */
final class RunningLabChange {
    private final String name;
    private final StateStore store;

    private RunningLabChange(String name, StateStore store) {
        this.name = name;
        this.store = store;
    }

    /** For lab {@code lab} (its name or its file); a held lab's command line is run in its holder. */
    static RunningLabChange of(CommandSpec spec, String lab) {
        String name = Labs.nameOf(lab);
        StateStore store = Labs.store();
        Placement.forwardIfHeld(spec.commandLine(), store, name);
        Privileges.requireAdmin();
        NettyLogging.quiet();
        return new RunningLabChange(name, store);
    }

    String name() {
        return name;
    }

    StateStore store() {
        return store;
    }

    /** Runs {@code change} under the lab's lock, on its state once it is known to be up and whole. */
    <T> T underLock(Function<LabState, T> change) {
        try (LabLock lock = Labs.lock(store, name)) {
            return change.apply(Labs.requireWhole(Labs.requireUp(store, name)));
        }
    }
}

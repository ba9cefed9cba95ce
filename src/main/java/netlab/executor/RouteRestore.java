package netlab.executor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.executor.step.RouteStep;
import netlab.executor.step.Step;
import netlab.executor.step.Steps;
import netlab.kernel.KernelException;
import netlab.kernel.NetlinkRequest;
import netlab.plan.Planner;
import netlab.sys.Errno;
import netlab.topology.dsl.TopologyReader;

/**
 * The lab's routes of a node put back after one of its links came up again. Taking an interface
 * down makes the kernel delete every route through it (a gateway route too), and bringing it up
 * does not bring them back; the routes the lab's file gives the node are added again, a route
 * still there is left as it is (EEXIST), and one that cannot be added yet (its link is still
 * down) waits for that link's own {@code up}. The lab's file is read again for them: the record
 * keeps only what {@code down} needs.
 */
final class RouteRestore {
    private RouteRestore() {}

    /** Adds the node's routes again; returns what it could not do, as notes. */
    static List<String> restore(LabSession session, String lab, String file, String node) {
        List<Step> steps;
        try {
            steps = Steps.of(Planner.plan(TopologyReader.read(Path.of(file)).named(lab)));
        } catch (RuntimeException e) {
            return List.of("the routes of " + node + " are not put back: lab " + lab + "'s file " + file
                    + " cannot be read now (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        List<String> notes = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof RouteStep route && route.node().equals(node)) {
                try {
                    session.route(node).call(new NetlinkRequest(route.command(), route.request(session)));
                } catch (KernelException e) {
                    if (e.errno() != Errno.EEXIST && e.errno() != Errno.ENETUNREACH) {
                        notes.add(route.command() + ": " + e.reason());
                    }
                } catch (IllegalStateException e) {
                    // Its device is gone: nothing to put back on it.
                    notes.add(route.command() + ": " + e.getMessage());
                }
            }
        }
        return notes;
    }
}

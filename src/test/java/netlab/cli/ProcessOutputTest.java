package netlab.cli;

import static netlab.cli.Cli.LAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import netlab.executor.step.Steps;
import netlab.plan.Planner;
import netlab.testing.Shell;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;

/**
 * What netlab prints when it runs as its own process (netlab.cli.Main, as the launcher runs it):
 * in-process writers hide output that a real process never flushes before it exits.
 */
class ProcessOutputTest {
    /** What netlab plan LAN prints, from the planner and the file's expectations. */
    private static String lanPlan() {
        var lab = TopologyReader.read(Path.of(LAN));
        return Steps.script(Planner.plan(lab)) + PlanCommand.expectations(lab.expectations());
    }

    @Test
    void planPrintsThePlan() {
        Shell.Result run = Cli.childJvm("plan", LAN);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo(lanPlan());
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void upDryRunPrintsThePlan() {
        Shell.Result run = Cli.childJvm("up", "--dry-run", LAN);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo(lanPlan());
    }

    @Test
    void checkPrintsItsSummary() {
        Shell.Result run = Cli.childJvm("check", LAN);

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).isEqualTo(LAN + ": lab lan is valid (2 nodes, 5 interfaces, 4 expectations)\n");
    }

    @Test
    void aTopologyErrorIsPrintedOnStandardError() {
        Shell.Result run = Cli.childJvm("plan", "no-such-file.topo");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(run.stdout()).isEmpty();
        // The file is named as the user wrote it.
        assertThat(run.stderr()).isEqualTo("no-such-file.topo: cannot read the file: no such file\n");
    }
}

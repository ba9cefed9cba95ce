package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;

/** The launcher's entry point in a JVM of its own: what a verb prints reaches stdout before exit. */
class MainTest {
    private static Shell.Result main(String... args) {
        return Shell.run(NetlabRunner.javaCommand(Main.class, args).toArray(String[]::new));
    }

    @Test
    void planPrintsThePlanBeforeTheJvmExits() throws Exception {
        Shell.Result result = main("plan", "../topologies/lan.topo");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(Files.readString(Path.of("test/resources/plans/lan.plan")));
    }

    @Test
    void upDryRunPrintsThePlanBeforeTheJvmExits() throws Exception {
        Shell.Result result = main("up", "--dry-run", "../topologies/lan.topo");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(Files.readString(Path.of("test/resources/plans/lan.plan")));
    }
}

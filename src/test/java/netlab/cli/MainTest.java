package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;

/** The launcher's entry point in a JVM of its own: what a verb prints reaches stdout before exit. */
class MainTest {
    @Test
    void planPrintsThePlanBeforeTheJvmExits() throws Exception {
        Shell.Result result = Shell.run(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "plan", "../topologies/lan.topo");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo(Files.readString(Path.of("test/resources/plans/lan.plan")));
    }
}

package netlab.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM ended normally (SIGTERM, as Ctrl-C or a build tool's timeout ends it) while a lab it
 * brought up is still open: its shutdown hook takes the lab down, and the machine is as before.
 */
class ShutdownTakesTheLabDownTest {
    @Test
    void sigtermWhileTheLabIsUpLeavesNothing() throws Exception {
        String before = LeavesNothingTest.snapshot();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process holder = new ProcessBuilder(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), HoldsALab.class.getName(), "../topologies/lan.topo"))
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("up");
            assertThat(LeavesNothingTest.snapshot()).isNotEqualTo(before);

            holder.destroy(); // SIGTERM

            assertThat(holder.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            holder.destroyForcibly();
        }
        assertThat(LeavesNothingTest.snapshot()).isEqualTo(before);
    }
}

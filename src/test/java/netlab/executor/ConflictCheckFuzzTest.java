package netlab.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import netlab.error.LabStateException;
import netlab.executor.step.Steps;
import netlab.kernel.Kernel;
import netlab.plan.Planner;
import netlab.state.StateStore;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.MutatedLabs;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyException;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated files that still parse go through the check {@code up} makes before any change, against
 * the sandbox's kernel: it ends, for each, with nothing to say, a file problem or a lab state
 * problem, and changes nothing.
 */
@KernelTest
class ConflictCheckFuzzTest {
    @TempDir
    Path directory;

    private static final String LAN = """
            lab lan
            host
              bridge br0 192.168.0.254/24
              sysctl net.ipv4.ip_forward=1
              masquerade src 192.168.0.0/24 out br0
            node ns1
              link eth0 to br0 address 192.168.0.1/24
              route default via 192.168.0.254
              macvlan mv0 on host:nic9 address 192.168.5.1/24
            node ns2
              link eth0 to br0 address 192.168.0.2/24
              route default via 192.168.0.254
            """;

    @Test
    void everyParsedMutationIsCheckedWithoutChangingAnything() {
        KernelTraces before = KernelTraces.take();
        int parsed = 0;
        StateStore store = new StateStore(directory.resolve("state"));
        try (Kernel kernel = new Kernel()) {
            for (long seed = 0; seed < 20_000; seed++) {
                Lab lab;
                try {
                    lab = TopologyReader.parse("mutated-" + seed + ".topo", MutatedLabs.of(LAN, seed));
                } catch (TopologyException broken) {
                    continue;
                }
                parsed++;
                try {
                    Conflicts.check(lab.name(), Steps.of(Planner.plan(lab)), kernel, store);
                } catch (TopologyException | LabStateException refused) {
                    assertThat(refused.getMessage()).as("seed " + seed).isNotBlank();
                }
            }
        }
        assertThat(parsed).as("mutations that parse").isGreaterThan(80);
        assertThat(KernelTraces.take()).isEqualTo(before);
    }
}

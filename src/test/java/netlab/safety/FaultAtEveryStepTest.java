package netlab.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import netlab.cli.ExitCodes;
import netlab.executor.step.Step;
import netlab.executor.step.Steps;
import netlab.plan.Planner;
import netlab.testing.KernelTraces;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code up} fails just before step k, for every step k of the plan (the fault hook): it exits 4
 * naming the statement of step k as FILE:LINE:COL, and everything steps 0..k-1 made is gone
 * again: the sandbox is exactly as before, and no lab is listed.
 */
@KernelTest
class FaultAtEveryStepTest {
    private static final String PROPERTY = "netlab.test.failBeforeStep";

    @TestFactory
    Stream<DynamicTest> lan() {
        return everyStep(Netlab.LAN);
    }

    @TestFactory
    Stream<DynamicTest> awsSecondaryIp() {
        return everyStep(Netlab.AWS);
    }

    /** Qdiscs on both ends of a veth (impair ... both) among the steps. */
    @TestFactory
    Stream<DynamicTest> failover() {
        return everyStep("../topologies/failover.topo");
    }

    private static Stream<DynamicTest> everyStep(String file) {
        List<Step> steps = Steps.of(Planner.plan(TopologyReader.read(Path.of(file))));
        assertThat(steps).as("the plan of " + file).hasSizeGreaterThan(5);
        return IntStream.range(0, steps.size()).mapToObj(k -> DynamicTest.dynamicTest(
                "fail before step " + k + ": " + steps.get(k).command(), () -> failBefore(file, k, steps.get(k))));
    }

    private static void failBefore(String file, int k, Step step) {
        assertThat(Netlab.run("ls").out()).isEqualTo("no lab is up\n");
        KernelTraces before = KernelTraces.take();

        Run up;
        System.setProperty(PROPERTY, Integer.toString(k));
        try {
            up = Netlab.run("up", file);
        } finally {
            System.clearProperty(PROPERTY);
        }

        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.KERNEL);
        assertThat(up.out()).isEmpty();
        assertThat(step.operation().source().toString()).matches(java.util.regex.Pattern.quote(file) + ":\\d+:\\d+");
        assertThat(up.err()).startsWith("netlab: " + step.operation().source() + ": " + step.command() + ": ")
                .contains("injected failure");
        assertThat(up.err().lines().count()).isEqualTo(1);
        KernelTraces after = KernelTraces.take();
        if (!after.equals(before)) {
            Netlab.run("down", "-f", Labs.nameOf(file));
        }
        assertThat(after).as("what step " + k + " left behind").isEqualTo(before);
        assertThat(Netlab.run("ls").out()).isEqualTo("no lab is up\n");
    }

    /** The lab names of the two files, for cleaning up after a failed assertion. */
    private static final class Labs {
        static String nameOf(String file) {
            return TopologyReader.read(Path.of(file)).name();
        }
    }
}

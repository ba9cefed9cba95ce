package netlab.executor.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import netlab.plan.Planner;
import netlab.testing.NetlabRunner;
import netlab.testing.ShippedTopologies;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped topology plans to the script kept in {@code src/test/resources/plans/NAME.plan}
 * (what {@code netlab plan ../topologies/NAME.topo} prints: the steps, then the expectations).
 * A change of plan is a deliberate change of those files, reviewed like code.
 */
class PlanScriptGoldenTest {
    private static final Path PLANS = Path.of("test/resources/plans");

    @TestFactory
    Stream<DynamicTest> everyTopologyPlansAsRecorded() {
        return ShippedTopologies.files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString().replace(".topo", "");
            Path golden = PLANS.resolve(name + ".plan");
            assertThat(golden).as("golden plan for " + file).exists();
            String plan = NetlabRunner.inProcess("plan", file.toString()).out();
            assertThat(plan).isEqualTo(Files.readString(golden));
            // The steps first, then the expectations as comments: the plan is still the steps' script.
            assertThat(plan).startsWith(Steps.script(Planner.plan(TopologyReader.read(file))));
        }));
    }

    @Test
    void planningIsDeterministic() {
        var lab = TopologyReader.read(ShippedTopologies.DIRECTORY.resolve("aws-secondary-ip.topo"));
        assertThat(Planner.plan(lab)).isEqualTo(Planner.plan(lab));
    }
}

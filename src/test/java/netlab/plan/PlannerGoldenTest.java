package netlab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import netlab.testing.ShippedTopologies;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shipped topology plans to the text kept in {@code src/test/resources/plans/NAME.plan}.
 * A change of plan is a deliberate change of those files, reviewed like code.
 */
class PlannerGoldenTest {
    private static final Path PLANS = Path.of("test/resources/plans");

    @TestFactory
    Stream<DynamicTest> everyTopologyPlansAsRecorded() {
        return ShippedTopologies.files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString().replace(".topo", "");
            Path golden = PLANS.resolve(name + ".plan");
            assertThat(golden).as("golden plan for " + file).exists();
            assertThat(Planner.plan(TopologyReader.read(file)).render()).isEqualTo(Files.readString(golden));
        }));
    }

    @Test
    void planningIsDeterministic() {
        var lab = TopologyReader.read(ShippedTopologies.DIRECTORY.resolve("aws-secondary-ip.topo"));
        assertThat(Planner.plan(lab)).isEqualTo(Planner.plan(lab));
    }
}

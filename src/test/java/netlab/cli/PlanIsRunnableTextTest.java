package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import netlab.testing.NetlabRunner;
import netlab.testing.ShippedTopologies;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The plan of every shipped topology can be run as it is printed: no placeholder such as
 * {@code <mac of veth_guest_foo's peer>} for the reader to fill in, and no namespace named by a
 * PID ({@code netns 1}), which in a script is whatever process has that number there and then,
 * not the host. (PlanIsWhatUpDoesTest runs the plans; this says why at once, without a kernel.)
 */
class PlanIsRunnableTextTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>\n]*>");
    private static final Pattern NETNS_BY_PID = Pattern.compile("\\bnetns [0-9]+\\b");

    @TestFactory
    Stream<DynamicTest> everyShippedPlanIsRunnable() {
        return ShippedTopologies.files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            NetlabRunner.Run run = NetlabRunner.inProcess("plan", file.toString());
            assertThat(run.exitCode()).as("netlab plan %s: %s", file, run.err()).isZero();
            String plan = run.out();
            assertThat(plan.lines().filter(line -> PLACEHOLDER.matcher(line).find()))
                    .as("plan lines of %s with a placeholder", file).isEmpty();
            assertThat(plan.lines().filter(line -> NETNS_BY_PID.matcher(line).find()))
                    .as("plan lines of %s naming a namespace by PID", file).isEmpty();
        }));
    }
}

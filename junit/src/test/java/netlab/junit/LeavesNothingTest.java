package netlab.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The extension takes its lab down whatever the class did: a test that fails, an exception in
 * {@code @BeforeAll}, a test over its timeout. Each such class is run through the JUnit launcher
 * (they run only when this test asks: a system property), and the machine's lab state (namespaces,
 * links, the nf_tables ruleset, /run/netlab, /run/netns, /etc/netns, read with ip, nft and the
 * file system) is the same after as before.
 */
class LeavesNothingTest {
    private static final String RUN = "netlab.junit.leaves-nothing";

    @Test
    void aFailingTestAnExceptionInBeforeAllAndATimeoutLeaveNothing() throws Exception {
        String before = snapshot();
        for (Class<?> run : List.of(AFailingTest.class, AnExceptionInBeforeAll.class, ATimeout.class)) {
            TestExecutionSummary summary = launch(run);

            assertThat(summary.getTotalFailureCount()).as(run.getSimpleName()).isEqualTo(1);
            assertThat(snapshot()).as("what " + run.getSimpleName() + " left").isEqualTo(before);
        }
    }

    private static TestExecutionSummary launch(Class<?> testClass) {
        System.setProperty(RUN, "yes");
        try {
            Launcher launcher = LauncherFactory.create();
            SummaryGeneratingListener listener = new SummaryGeneratingListener();
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), listener);
            return listener.getSummary();
        } finally {
            System.clearProperty(RUN);
        }
    }

    static String snapshot() throws IOException, InterruptedException {
        return run("ip", "netns", "list") + run("ip", "-o", "link") + run("nft", "list", "ruleset")
                + tree(Path.of("/run/netlab")) + tree(Path.of("/run/netns")) + tree(Path.of("/etc/netns"));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static String tree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return "";
        }
        try (Stream<Path> paths = Files.walk(root)) {
            // The directories themselves stay (netlab makes them once); what is in them is a lab's.
            return paths.filter(p -> !p.equals(root)).map(p -> p + "\n").sorted().reduce("", String::concat);
        }
    }

    @NetlabTopology("../topologies/lan.topo")
    @EnabledIfSystemProperty(named = RUN, matches = "yes")
    static class AFailingTest {
        @Test
        void fails() {
            throw new AssertionError("on purpose");
        }
    }

    @NetlabTopology("../topologies/lan.topo")
    @EnabledIfSystemProperty(named = RUN, matches = "yes")
    static class AnExceptionInBeforeAll {
        @BeforeAll
        static void throwsAfterTheLabIsUp() {
            throw new IllegalStateException("on purpose");
        }

        @Test
        void neverRuns() {}
    }

    @NetlabTopology("../topologies/lan.topo")
    @EnabledIfSystemProperty(named = RUN, matches = "yes")
    static class ATimeout {
        @Test
        @Timeout(1)
        void sleepsTooLong() throws InterruptedException {
            Thread.sleep(10_000);
        }
    }
}

package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import netlab.testing.KernelTest;
import netlab.testing.LeavesNoLab;
import netlab.testing.NestedSandbox;
import netlab.testing.NestedSandbox.Outcome;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;
import netlab.testing.ShippedTopologies;
import netlab.testing.StateDiff;
import netlab.testing.StrayLinks;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan is honest: for every shipped topology, a generated star and a lab of odd names, the lines
 * {@code netlab plan} prints, run as a shell script, build exactly the kernel state
 * {@code netlab up} builds. Each way runs in a fresh sandbox of its own (the two side by side),
 * and the states are compared whole ({@link netlab.testing.KernelState}): namespaces, links,
 * addresses, routes of every table, permanent and proxy neighbours, every net.* sysctl and the
 * nf_tables ruleset of the host and of every node. Only netlab's ownership marks are taken out
 * of up's side ({@link OwnershipMarks}).
 */
@KernelTest
@ExtendWith(LeavesNoLab.class)
class PlanIsWhatUpDoesTest {
    /** The benchmark's star (bench/gen-star), at a size that keeps this test quick. */
    private static final int STAR_NODES = 20;

    @TempDir
    Path directory;

    @TestFactory
    Stream<DynamicTest> everyShippedTopologyAndAStar() {
        List<Path> files = new ArrayList<>(ShippedTopologies.machineWide());
        // Names a shell would read otherwise, in every place a plan line names something.
        files.add(Path.of("test/resources/topologies/honest/odd-names.topo"));
        // MTUs the kernel derives from others', set in the order that makes them the file's.
        files.add(Path.of("test/resources/topologies/honest/mtus.topo"));
        // Vxlans bridged, over IPv6, without an underlay, in the host; their MTUs after their underlays'.
        files.add(Path.of("test/resources/topologies/honest/vxlans.topo"));
        // MACs the file gives, beside derived ones; lladdr peer and a link-local address from one.
        files.add(Path.of("test/resources/topologies/honest/macs.topo"));
        // Interfaces named like options (a bridge 'underlay', a route's 'dev via', NAT's 'out src').
        files.add(Path.of("test/resources/topologies/honest/keyword-names.topo"));
        // Link-local addresses of netlab's own (a router's, the host's) and the kernel's side by side.
        files.add(Path.of("test/resources/topologies/routed-dual-stack.topo"));
        Path star = directory.resolve("star");
        Shell.check("../bench/gen-star", String.valueOf(STAR_NODES), star.toString());
        files.add(star.resolve("star-" + STAR_NODES + ".topo"));
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> planIsWhatUpDoes(file)));
    }

    /**
     * Two sandboxes in which nothing was built are equal: nothing of the state differs between
     * two fresh namespaces by nature, no net.* sysctl either (on the kernels this has met), so
     * the comparison leaves nothing else out.
     */
    @Test
    void twoFreshSandboxesAreEqual() throws Exception {
        List<Outcome> empty = bothSides(directory.resolve("one"), List.of("true"), directory.resolve("other"), List.of("true"));
        assertThat(StateDiff.between(empty.get(0).state(), "one", empty.get(1).state(), "the other")).isEmpty();
    }

    private void planIsWhatUpDoes(Path file) throws Exception {
        NetlabRunner.Run plan = NetlabRunner.inProcess("plan", file.toString());
        assertThat(plan.exitCode()).as("netlab plan %s: %s", file, plan.err()).isZero();
        Path work = Files.createDirectory(directory.resolve(file.getFileName().toString()));
        Path script = Files.writeString(work.resolve("plan.sh"), plan.out());

        List<Outcome> sides = bothSides(work.resolve("plan"), List.of("sh", "-e", "-x", script.toString()),
                work.resolve("up"), NetlabRunner.javaCommand(Main.class, "up", file.toAbsolutePath().toString()));
        Outcome byPlan = sides.get(0);
        Outcome byUp = sides.get(1);
        assertThat(byUp.status()).as("netlab up %s: %s", file, byUp.summary()).isZero();

        String lab = TopologyReader.read(file).name();
        List<String> differences = StateDiff.between(byPlan.state(), "plan", OwnershipMarks.removedFrom(byUp.state(), lab), "up");
        if (byPlan.status() != 0 || !differences.isEmpty()) {
            String ran = byPlan.status() == 0 ? "ran to its end" : "stopped: " + byPlan.summary();
            fail("The plan of %s does not build what netlab up builds.%nThe plan script (sh -e -x) %s%n"
                    + "%d differences of the kernel state after the plan and after up:%n  %s", file, ran,
                    differences.size(), String.join("\n  ", differences));
        }
    }

    /**
     * Runs two commands side by side, each in a fresh nested sandbox of its own recorded in its
     * directory; then removes whatever they put into this JVM's namespace (a link to "netns 1"),
     * even when one failed.
     */
    private static List<Outcome> bothSides(Path oneDir, List<String> one, Path otherDir, List<String> other)
            throws Exception {
        Set<String> links = StrayLinks.names();
        List<Callable<Outcome>> sides = List.of(() -> NestedSandbox.run(oneDir, one), () -> NestedSandbox.run(otherDir, other));
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> side : pool.invokeAll(sides)) {
                outcomes.add(side.get());
            }
            return outcomes;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            StrayLinks.removeAllBut(links);
        }
    }
}

package netlab.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import netlab.cli.ExitCodes;
import netlab.testing.KernelTest;
import netlab.testing.ShippedTopologies;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moments inside the change itself, message by message (the messages that ask for a change; dumps are not counted) (the hooks of {@code kernel/RequestFaults}):
 * {@code up} stopped as by {@code kill -9} right after its K-th netlink message, {@code up} whose
 * K-th message the kernel refuses in the middle of its batch, and {@code down} stopped after its
 * K-th message. Each run is in a fresh sandbox; afterwards one {@code down} must leave the whole
 * kernel state exactly as it was before (every namespace's links, addresses, routes, neighbours,
 * net.* sysctls and ruleset). {@code make test} samples the messages of lan.topo;
 * {@code make sweep} ({@code -Dnetlab.sweep=full}) takes every message of more labs.
 */
@KernelTest
class EveryMessageTest {
    private static final int KILLS_IN_MAKE_TEST = 8;
    private static final int REFUSALS_IN_MAKE_TEST = 6;

    @TempDir
    Path directory;

    private static List<String[]> labs() {
        List<String[]> labs = new ArrayList<>();
        labs.add(new String[] {"../topologies/lan.topo", "lan"});
        if ("full".equals(System.getProperty("netlab.sweep"))) {
            labs.add(new String[] {"../topologies/dual-stack-nat.topo", "dual-stack-nat"});
            labs.add(new String[] {"../topologies/aws-secondary-ip.topo", "aws-secondary-ip"});
        }
        return labs;
    }

    @TestFactory
    Stream<DynamicTest> upKilledAfterAnyMessageIsRemovedByOneDown() {
        return labs().stream().flatMap(lab -> {
            int total = MessageSweep.messages(directory.resolve("count-" + lab[1]), List.of(), "up", lab[0]);
            assertThat(total).as("messages of up " + lab[0]).isGreaterThan(10);
            return MessageSweep.spread(total, MessageSweep.sample(total, KILLS_IN_MAKE_TEST)).stream().map(k ->
                    DynamicTest.dynamicTest(lab[1] + ": up killed after message " + k + " of " + total, () -> {
                        String where = lab[1] + ", up killed after message " + k + " of " + total;
                        var run = MessageSweep.run(directory.resolve(lab[1] + "-kill-" + k), lab[1], List.of(),
                                "NETLAB_TEST_KILL_AFTER_MESSAGE", k, List.of("up", lab[0]));
                        assertThat(run.first()).as(where + ": killed mid-change, not finished: " + run.firstErr())
                                .isEqualTo(137);
                        // The first messages are the conflict check's, before anything is recorded or made.
                        assertThat(run.ls()).as(where).satisfiesAnyOf(
                                ls -> assertThat(ls).containsPattern("(?m)^" + lab[1] + " +broken "),
                                ls -> assertThat(ls).isEqualTo("no lab is up\n"));
                        assertThat(run.down()).as(where + ": " + run.downOut()).isEqualTo(ExitCodes.OK);
                        run.leftNothing(where);
                    }));
        });
    }

    @TestFactory
    Stream<DynamicTest> upWhoseMessageTheKernelRefusesLeavesNothing() {
        return labs().stream().flatMap(lab -> {
            int total = MessageSweep.messages(directory.resolve("count-" + lab[1]), List.of(), "up", lab[0]);
            // Besides the spread, the last six: the NAT transaction (begin, table, chain, rule, end)
            // and its sentinel, where a refused end marker once went unnoticed.
            TreeSet<Integer> messages = new TreeSet<>(MessageSweep.spread(total, MessageSweep.sample(total, REFUSALS_IN_MAKE_TEST)));
            messages.addAll(MessageSweep.spread(total, total).subList(total - 6, total));
            return messages.stream().map(k ->
                    DynamicTest.dynamicTest(lab[1] + ": message " + k + " of " + total + " refused", () -> {
                        String where = lab[1] + ", message " + k + " of " + total + " refused";
                        var run = MessageSweep.run(directory.resolve(lab[1] + "-refuse-" + k), lab[1], List.of(),
                                "NETLAB_TEST_REFUSE_MESSAGE", k, List.of("up", lab[0]));
                        assertThat(run.first()).as(where + ": " + run.firstErr()).isEqualTo(ExitCodes.KERNEL);
                        assertThat(run.firstErr()).as(where).startsWith("netlab: ").hasLineCount(1);
                        assertThat(run.ls()).as(where + ": up removed what it made").isEqualTo("no lab is up\n");
                        assertThat(run.down()).as(where + ": " + run.downOut()).isEqualTo(ExitCodes.OK);
                        run.leftNothing(where);
                    }));
        });
    }

    @TestFactory
    Stream<DynamicTest> downKilledAfterAnyMessageIsFinishedByTheNextDown() {
        return labs().stream().flatMap(lab -> {
            List<List<String>> up = List.of(List.of("up", lab[0]));
            int total = MessageSweep.messages(directory.resolve("count-down-" + lab[1]), up, "down", lab[1]);
            return MessageSweep.spread(total, total).stream().map(k ->
                    DynamicTest.dynamicTest(lab[1] + ": down killed after message " + k + " of " + total, () -> {
                        String where = lab[1] + ", down killed after message " + k + " of " + total;
                        var run = MessageSweep.run(directory.resolve(lab[1] + "-down-" + k), lab[1], up,
                                "NETLAB_TEST_KILL_AFTER_MESSAGE", k, List.of("down", lab[1]));
                        assertThat(run.first()).as(where + ": killed mid-change: " + run.firstErr()).isEqualTo(137);
                        assertThat(run.down()).as(where + ": " + run.downOut()).isEqualTo(ExitCodes.OK);
                        run.leftNothing(where);
                    }));
        });
    }

    /**
     * The kernel refusing one request in the middle of what up sent, for every shipped topology:
     * the message two thirds of the way through, which falls inside a batch of link, address or
     * route requests already on its way.
     */
    @TestFactory
    Stream<DynamicTest> everyShippedTopologyRefusedMidBatch() {
        return ShippedTopologies.machineWide().stream().map(file -> {
            String lab = TopologyReader.read(file).name();
            return DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                int total = MessageSweep.messages(directory.resolve("count-" + lab), List.of(), "up", file.toString());
                int k = Math.max(1, total * 2 / 3);
                String where = lab + ", message " + k + " of " + total + " refused";
                var run = MessageSweep.run(directory.resolve(lab + "-mid-" + k), lab, List.of(),
                        "NETLAB_TEST_REFUSE_MESSAGE", k, List.of("up", file.toString()));
                assertThat(run.first()).as(where + ": " + run.firstErr()).isEqualTo(ExitCodes.KERNEL);
                assertThat(run.ls()).as(where + ": up removed what it made").isEqualTo("no lab is up\n");
                run.leftNothing(where);
            });
        });
    }
}

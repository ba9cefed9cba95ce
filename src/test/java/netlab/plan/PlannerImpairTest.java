package netlab.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import netlab.topology.Lab;
import netlab.topology.Source;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;

/**
 * The plan of {@code impair}: which qdisc each line needs, with the defaults the MTU decides, and
 * where qdiscs and loss tables go in the order (qdiscs after the routes, loss tables last).
 */
class PlannerImpairTest {
    private static List<Operation> plan(String text) {
        return Planner.plan(TopologyReader.parse("t.topo", "lab t\n" + text)).operations();
    }

    private static List<Qdisc> qdiscs(String text) {
        return plan(text).stream().filter(o -> o instanceof Operation.SetQdisc).map(o -> ((Operation.SetQdisc) o).qdisc())
                .toList();
    }

    /** One link, a to b, with the impair line in a's block. */
    private static Qdisc qdiscOf(String impairLine) {
        List<Qdisc> found = qdiscs("node a\n  link e to b:f\n  " + impairLine + "\nnode b\n");
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    @Test
    void aRateAloneIsTbfWithAFullFrameOrTenMillisecondsOfBurstAndFiftyMillisecondsOfLatency() {
        assertThat(qdiscOf("impair e rate 1mbit")).isEqualTo(new Qdisc.Tbf(1_000_000, 1514, 0, 50_000));
        // 100 mbit/s is 12.5 MB/s: 10 ms of it is 125000 bytes.
        assertThat(qdiscOf("impair e rate 100mbit")).isEqualTo(new Qdisc.Tbf(100_000_000, 125_000, 0, 50_000));
        assertThat(qdiscOf("impair e rate 1mbit burst 64kb")).isEqualTo(new Qdisc.Tbf(1_000_000, 65_536, 0, 50_000));
    }

    @Test
    void tbfsLimitIsThatManyFullFramesOfTheInterfacesMtu() {
        assertThat(qdiscOf("impair e rate 1mbit limit 100")).isEqualTo(new Qdisc.Tbf(1_000_000, 1514, 151_400, 0));
        assertThat(qdiscs("node a\n  link e to b:f\n  mtu e 9000\n  impair e rate 1mbit limit 10\nnode b\n"))
                .containsExactly(new Qdisc.Tbf(1_000_000, 9014, 90_140, 0));
    }

    @Test
    void aDelayIsNetemCarryingTheRateWithTcsDefaultLimit() {
        assertThat(qdiscOf("impair e delay 100ms jitter 10ms")).isEqualTo(new Qdisc.Netem(100_000, 10_000, 1000, 0));
        assertThat(qdiscOf("impair e delay 250us rate 1mbit limit 50 loss 1%")).isEqualTo(new Qdisc.Netem(250, 0, 50, 1_000_000));
    }

    @Test
    void aLossAloneHasNoQdiscOnlyItsChainInTheNodesNetdevTable() {
        List<Operation> steps = plan("""
                node a
                  link e to b:f
                  link g to b:h
                  impair e loss 30%
                  impair g rate 1mbit loss 0.5%
                node b
                """);

        assertThat(steps).filteredOn(o -> o instanceof Operation.SetQdisc).extracting(Operation.SetQdisc.class::cast)
                .extracting(Operation.SetQdisc::interfaceName).containsExactly("g");
        // Dropped as they arrive at the far ends, b's f and h: silent to a, as on a wire.
        assertThat(steps.getLast()).isEqualTo(new Operation.ApplyLoss("b", "netlab-t",
                List.of(new LossRule("f", 3000), new LossRule("h", 50)), new Source("t.topo", 5, 3)));
    }

    @Test
    void bothGivesEachEndItsQueueSizedByItsOwnMtuAndEachNodeItsTable() {
        List<Operation> steps = plan("""
                node a
                  link e to b:f
                  impair e rate 1mbit loss 1% both
                node b
                  mtu f 9000
                """);
        Source line = new Source("t.topo", 4, 3);

        assertThat(steps).filteredOn(o -> o instanceof Operation.SetQdisc).containsExactly(
                new Operation.SetQdisc("a", "e", new Qdisc.Tbf(1_000_000, 1514, 0, 50_000), line),
                new Operation.SetQdisc("b", "f", new Qdisc.Tbf(1_000_000, 9014, 0, 50_000), line));
        // a's loss is dropped at b's f and b's at a's e.
        assertThat(steps).filteredOn(o -> o instanceof Operation.ApplyLoss).containsExactly(
                new Operation.ApplyLoss("b", "netlab-t", List.of(new LossRule("f", 100)), line),
                new Operation.ApplyLoss("a", "netlab-t", List.of(new LossRule("e", 100)), line));
    }

    @Test
    void qdiscsComeAfterTheRoutesAndLossTablesAfterTheNatTables() {
        List<Operation> steps = plan("""
                host
                  bridge br0 10.0.0.254/24
                  masquerade src 10.0.0.0/24
                node a
                  link e to br0 address 10.0.0.1/24
                  link g to b:h
                  route default via 10.0.0.254
                  masquerade out e
                  impair e delay 10ms loss 2%
                node b
                  impair h loss 1%
                """);
        List<Class<?>> kinds = steps.stream().<Class<?>>map(Object::getClass).toList();

        assertThat(kinds.lastIndexOf(Operation.AddRoute.class)).isLessThan(kinds.indexOf(Operation.SetQdisc.class));
        assertThat(kinds.lastIndexOf(Operation.SetQdisc.class)).isLessThan(kinds.indexOf(Operation.ApplyNat.class));
        assertThat(steps.subList(steps.size() - 2, steps.size())).extracting(Operation::getClass, Operation::node)
                .containsExactly(tuple(Operation.ApplyLoss.class, "host"),
                        tuple(Operation.ApplyLoss.class, "a"));
        // a's e ends at its port a-e on the host's bridge: the host drops what arrives there.
        assertThat(((Operation.ApplyLoss) steps.get(steps.size() - 2)).rules()).containsExactly(new LossRule("a-e", 200));
    }

    @Test
    void aLabWithoutImpairPlansNeitherQdiscsNorLossTables() {
        Lab lab = TopologyReader.parse("t.topo", "node a\n  link e to b:f\nnode b\n");

        assertThat(Planner.plan(lab).operations())
                .noneMatch(o -> o instanceof Operation.SetQdisc || o instanceof Operation.ApplyLoss);
    }
}

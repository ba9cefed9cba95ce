package netlab.topology.dsl;

import static netlab.topology.dsl.StatementTest.at;
import static netlab.topology.dsl.StatementTest.ip;
import static netlab.topology.dsl.StatementTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.plan.Planner;
import netlab.topology.Expectation;
import netlab.topology.Expectation.Reach;
import netlab.topology.Lab;
import netlab.topology.ProbeTarget;
import org.junit.jupiter.api.Test;

/** {@code expect} in a topology file: each form, and what it becomes in the model. */
class ExpectStatementTest {
    /** A host bridge with two nodes on it, a veth pair between them, and addresses of both families. */
    static final String LAB = """
            lab t
            host
              bridge br0 192.168.0.254/24 2001:db8::fe/64
            node ns1
              link eth0 to br0 address 192.168.0.1/24 2001:db8::1/64
              link eth1 to ns2:eth9 address 10.0.0.1/30
              address lo 10.255.0.1/32
            node ns2
              link eth0 to br0 address 192.168.0.2/24
              address eth9 10.0.0.2/30 2001:db8:9::2/64
            node far
              address lo 192.168.0.2/32
            """;

    static Expectation only(String expectLines) {
        Lab lab = parse(LAB + expectLines);
        assertThat(lab.expectations()).hasSize(1);
        return lab.expectations().getFirst();
    }

    @Test
    void theNodeLeftOutIsTheBlocksNode() throws Exception {
        Expectation e = only("  expect reaches 192.168.0.1\n");

        assertThat(e).isEqualTo(new Expectation(at(13, 3), "far", Reach.REACHES,
                new ProbeTarget(ip("192.168.0.1"), "192.168.0.1", List.of("ns1")), OptionalInt.empty(), Optional.empty(),
                Expectation.DEFAULT_WITHIN));
        assertThat(e.text()).isEqualTo("far reaches 192.168.0.1");
    }

    @Test
    void aNodeNamedInAnyBlockSendsTheProbe() {
        assertThat(only("  expect ns1 !reaches 8.8.8.8\n").node()).isEqualTo("ns1");
        assertThat(only("  expect host reaches ns1:eth1\n").node()).isEqualTo("host");
    }

    @Test
    void inTheHostBlockTheNodeLeftOutIsTheHost() {
        Lab lab = parse("host\n  bridge br0 10.0.0.254/24\n  expect reaches 10.0.0.1\nnode a\n  link e to br0 address 10.0.0.1/24\n");

        assertThat(lab.expectations()).extracting(Expectation::node).containsExactly("host");
        assertThat(lab.expectations().getFirst().target().owners()).containsExactly("a");
    }

    @Test
    void theHostMaySendWithoutAHostBlock() {
        // The machine is there whether or not the lab puts anything in it: a closed lab says so.
        Lab lab = parse("node a\n  address lo 10.9.0.1/32\n  expect host !reaches 10.9.0.1\n");

        assertThat(lab.expectations().getFirst().node()).isEqualTo("host");
        assertThat(lab.host()).isEmpty();
    }

    @Test
    void reachesAfterExpectIsTheNodeOnlyWhenAnotherReachesFollows() {
        Lab lab = parse("""
                node reaches
                  address lo 10.9.0.1/32
                node b
                  expect reaches reaches 10.9.0.1
                  expect reaches 10.9.0.1
                  expect reaches reaches:lo
                """);

        assertThat(lab.expectations()).extracting(Expectation::text).containsExactly(
                "reaches reaches 10.9.0.1", "b reaches 10.9.0.1", "b reaches reaches:lo");
    }

    @Test
    void anInterfaceOfOneFamilyStandsForItsFirstAddress() throws Exception {
        Expectation e = only("  expect ns1 reaches ns2:eth0\n");

        assertThat(e.target()).isEqualTo(new ProbeTarget(ip("192.168.0.2"), "ns2:eth0", List.of("ns2", "far")));
        assertThat(e.text()).isEqualTo("ns1 reaches ns2:eth0");
    }

    @Test
    void anIpv6OnlyInterfaceAndTheFarEndOfALinkWrittenElsewhere() throws Exception {
        Lab lab = parse("""
                node a
                  link e to b:f address 2001:db8::1/64
                  expect reaches b:f
                node b
                  address f 2001:db8::2/64 2001:db8::3/64
                """);

        assertThat(lab.expectations().getFirst().target()).isEqualTo(new ProbeTarget(ip("2001:db8::2"), "b:f", List.of("b")));
    }

    @Test
    void withAddressesOfBothFamiliesAsChoosesTheFamily() throws Exception {
        Expectation v6 = only("  expect ns1 reaches ns2:eth9 as 2001:db8::1\n");
        Expectation v4 = only("  expect ns1 reaches ns2:eth9 as 10.0.0.1\n");

        assertThat(v6.target().address()).isEqualTo(ip("2001:db8:9::2"));
        assertThat(v6.seenAs()).contains(ip("2001:db8::1"));
        assertThat(v6.text()).isEqualTo("ns1 reaches ns2:eth9 as 2001:db8::1");
        assertThat(v4.target().address()).isEqualTo(ip("10.0.0.2"));
    }

    @Test
    void bridgesLoopbacksAndIpv6TargetsOfTheHost() throws Exception {
        Lab lab = parse(LAB + """
                  expect reaches host:br0 as 2001:db8::1
                  expect reaches ns1:lo
                  expect reaches 2001:DB8::FE
                """);

        assertThat(lab.expectations()).extracting(e -> e.target()).containsExactly(
                new ProbeTarget(ip("2001:db8::fe"), "host:br0", List.of("host")),
                new ProbeTarget(ip("10.255.0.1"), "ns1:lo", List.of("ns1")),
                new ProbeTarget(ip("2001:db8::fe"), "2001:db8::fe", List.of("host")));
    }

    @Test
    void ttlAsAndWithin() throws Exception {
        Expectation e = only("  expect ns1 reaches 192.168.0.2 within 300ms ttl 64 as 192.168.0.1\n");

        assertThat(e.ttl()).hasValue(64);
        assertThat(e.seenAs()).contains(ip("192.168.0.1"));
        assertThat(e.within()).isEqualTo(Duration.ofMillis(300));
        assertThat(e.text()).isEqualTo("ns1 reaches 192.168.0.2 ttl 64 as 192.168.0.1 within 300ms");
        assertThat(only("  expect reaches 8.8.8.8 within 2s\n").within()).isEqualTo(Duration.ofSeconds(2));
        assertThat(only("  expect reaches 8.8.8.8 within 10ms ttl 1\n").text()).isEqualTo("far reaches 8.8.8.8 ttl 1 within 10ms");
        assertThat(only("  expect reaches 8.8.8.8 within 60s ttl 255\n").text())
                .isEqualTo("far reaches 8.8.8.8 ttl 255 within 60s");
    }

    @Test
    void doesNotReachTakesWithin() {
        Expectation e = only("  expect ns2 !reaches ns1:lo within 1500ms\n");

        assertThat(e.reach()).isEqualTo(Reach.DOES_NOT_REACH);
        assertThat(e.text()).isEqualTo("ns2 !reaches ns1:lo within 1500ms");
    }

    @Test
    void ownersAreEveryNodeHoldingTheAddressInFileOrder() throws Exception {
        // 192.168.0.2 is ns2's on the bridge and far's on its own lo: two segments, both legal.
        assertThat(only("  expect host reaches 192.168.0.2\n").target().owners()).containsExactly("ns2", "far");
        assertThat(only("  expect host reaches 192.0.2.1\n").target().owners()).isEmpty();
    }

    @Test
    void expectationsChangeNothingInThePlan() {
        Lab expecting = parse(LAB + "  expect ns1 reaches 10.0.0.2 ttl 64\n  expect host !reaches ns1:eth1\n");

        assertThat(expecting.expectations()).extracting(Expectation::text)
                .containsExactly("ns1 reaches 10.0.0.2 ttl 64", "host !reaches ns1:eth1");
        assertThat(Planner.plan(expecting)).isEqualTo(Planner.plan(parse(LAB)));
    }
}

package netlab.topology.dsl;

import static netlab.topology.dsl.StatementTest.at;
import static netlab.topology.dsl.StatementTest.cidr;
import static netlab.topology.dsl.StatementTest.iface;
import static netlab.topology.dsl.StatementTest.ip;
import static netlab.topology.dsl.StatementTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import netlab.plan.Operation;
import netlab.plan.Planner;
import netlab.topology.Endpoint;
import netlab.topology.Lab;
import netlab.topology.Mtus;
import netlab.topology.NetInterface;
import org.junit.jupiter.api.Test;

/**
 * {@code vxlan IF vni N remote ADDR [local ADDR] [dstport P] [mtu M] [to BR]}: what each form
 * becomes in the model, and the MTUs it gets. Its errors are in topologies/broken/vxlan-*.topo.
 */
class VxlanStatementTest {
    @Test
    void everyOptionInAnyOrderWithTheUnderlayFoundByItsAddress() throws Exception {
        Lab lab = parse("""
                node a
                  link eth0 to b:eth0
                  address eth0 192.0.2.1/24
                  bridge br0 10.42.0.1/24
                  vxlan vx0 to br0 dstport 8472 local 192.0.2.1 mtu 1400 remote 192.0.2.2 vni 16777215
                node b
                """);
        assertThat(iface(lab, "a", "vx0")).isEqualTo(new NetInterface.Vxlan("vx0", 16777215, List.of(ip("192.0.2.2")),
                Optional.of(ip("192.0.2.1")), Optional.of("eth0"), false, 8472, Optional.of("br0"), List.of(),
                OptionalInt.of(1400), Optional.empty(), at(5, 3)));
    }

    @Test
    void theIanaPortNoUnderlayAndNoBridgeByDefault() throws Exception {
        Lab lab = parse("node a\n  vxlan vx0 vni 0 remote 2001:db8::2\n  address vx0 10.42.0.1/24\n");
        assertThat(iface(lab, "a", "vx0")).isEqualTo(new NetInterface.Vxlan("vx0", 0, List.of(ip("2001:db8::2")),
                Optional.empty(), Optional.empty(), false, 4789, Optional.empty(), List.of(cidr("10.42.0.1/24")),
                OptionalInt.empty(), Optional.empty(), at(2, 3)));
    }

    @Test
    void severalFarEndsOverTheMachineAsAPortOfABridge() throws Exception {
        Lab lab = parse("""
                node a
                  bridge br0
                  vxlan vx0 vni 7 remote 192.0.2.2 192.0.2.3 underlay host to br0 mtu 8950
                """);
        assertThat(iface(lab, "a", "vx0")).isEqualTo(new NetInterface.Vxlan("vx0", 7,
                List.of(ip("192.0.2.2"), ip("192.0.2.3")), Optional.empty(), Optional.empty(), true, 4789,
                Optional.of("br0"), List.of(), OptionalInt.of(8950), Optional.empty(), at(3, 3)));
    }

    @Test
    void overTheMachineTheMtuDefaultsToAnEthernetPathsAndAnyWrittenOneIsTaken() {
        Lab lab = parse("""
                node a
                  vxlan v4 vni 1 remote 192.0.2.2 underlay host
                  vxlan v6 vni 2 remote 2001:db8::2 underlay host
                  vxlan jumbo vni 3 remote 192.0.2.2 underlay host mtu 8950
                """);
        Mtus mtus = Mtus.of(lab);
        assertThat(mtus.mtu(new Endpoint("a", "v4"))).hasValue(1450);
        assertThat(mtus.mtu(new Endpoint("a", "v6"))).hasValue(1430);
        assertThat(mtus.mtu(new Endpoint("a", "jumbo"))).hasValue(8950);
    }

    @Test
    void overTheMachineItIsMadeByTheHostWithFloodEntriesForTheOtherFarEnds() throws Exception {
        Lab lab = parse("node a\n  vxlan vx0 vni 7 remote 192.0.2.2 192.0.2.3 192.0.2.4 underlay host\n");
        List<Operation> steps = Planner.plan(lab).operations();
        assertThat(steps).filteredOn(s -> s instanceof Operation.CreateVxlan).singleElement()
                .isEqualTo(new Operation.CreateVxlan("a", "vx0", ((Operation.CreateVxlan) steps.stream()
                        .filter(s -> s instanceof Operation.CreateVxlan).findFirst().get()).mac(), 7, ip("192.0.2.2"),
                        Optional.empty(), Optional.empty(), true, 4789, Optional.empty(), at(2, 3)));
        assertThat(steps).filteredOn(s -> s instanceof Operation.AddFloodEntry).containsExactly(
                new Operation.AddFloodEntry("a", "vx0", ip("192.0.2.3"), at(2, 3)),
                new Operation.AddFloodEntry("a", "vx0", ip("192.0.2.4"), at(2, 3)));
    }

    @Test
    void theMtuIsTheUnderlaysLessTheOverheadOf50Or70() {
        Lab lab = parse("""
                node a
                  link eth0 to b:eth0 address 192.0.2.1/24 2001:db8::1/64
                  mtu eth0 9000
                  vxlan v4 vni 1 remote 192.0.2.2 local 192.0.2.1
                  vxlan v6 vni 2 remote 2001:db8::2 local 2001:db8::1
                  vxlan bare4 vni 3 remote 192.0.2.2
                  vxlan bare6 vni 4 remote 2001:db8::2
                  vxlan own vni 5 remote 192.0.2.2 local 192.0.2.1
                  mtu own 8950
                node b
                """);
        Mtus mtus = Mtus.of(lab);
        assertThat(mtus.mtu(new Endpoint("a", "v4"))).hasValue(8950);
        assertThat(mtus.mtu(new Endpoint("a", "v6"))).hasValue(8930);
        assertThat(mtus.mtu(new Endpoint("a", "bare4"))).hasValue(1450);
        assertThat(mtus.mtu(new Endpoint("a", "bare6"))).hasValue(1430);
        assertThat(iface(lab, "a", "own").mtu()).hasValue(8950);
    }

    @Test
    void aBridgeWithAVxlanPortTakesItsSmallerMtu() {
        Lab lab = parse("""
                node a
                  bridge br0
                  link eth0 to b:eth0 address 192.0.2.1/24
                  vxlan vx0 vni 1 remote 192.0.2.2 local 192.0.2.1 to br0
                  link eth1 to br0
                node b
                """);
        assertThat(Mtus.of(lab).mtu(new Endpoint("a", "br0"))).hasValue(1450);
    }

    @Test
    void upCreatesItAfterItsUnderlayAndSetsItsMtuAfterTheUnderlays() {
        Lab lab = parse("""
                node a
                  vxlan vx0 vni 42 remote 192.0.2.2 local 192.0.2.1
                  link eth0 to b:eth0 address 192.0.2.1/24
                  mtu eth0 1400
                node b
                """);
        List<Operation> steps = Planner.plan(lab).operations();
        int veth = indexOf(steps, s -> s instanceof Operation.CreateVeth v && v.name().equals("eth0"));
        int vxlan = indexOf(steps, s -> s instanceof Operation.CreateVxlan v && v.name().equals("vx0"));
        int underlayMtu = steps.indexOf(new Operation.SetMtu("a", "eth0", 1400, at(3, 3)));
        int vxlanMtu = steps.indexOf(new Operation.SetMtu("a", "vx0", 1350, at(2, 3)));
        assertThat(veth).isLessThan(vxlan);
        assertThat(underlayMtu).isGreaterThan(vxlan).isLessThan(vxlanMtu);
    }

    private static int indexOf(List<Operation> steps, Predicate<Operation> wanted) {
        for (int i = 0; i < steps.size(); i++) {
            if (wanted.test(steps.get(i))) {
                return i;
            }
        }
        throw new AssertionError("not planned: " + steps);
    }
}

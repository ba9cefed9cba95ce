package netlab.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyReader;

/**
 * The lab the split tests spread over simulated machines: nodes n1..nN, each a port of sw's
 * bridge {@code hub} and linked to the next in a ring of /30s, so that a split has a bridge to
 * copy onto every machine and point-to-point links to cut.
 *
 * @param name the lab's name
 * @param nodes how many nodes ride the ring
 * @param hubNetwork the first two octets of the hub's /16 (n's address there: hubAddress(n))
 * @param ringNetwork the first two octets of the ring's /30s (NET.n.0/30 from n to the next)
 */
record RingWithHub(String name, int nodes, String hubNetwork, String ringNetwork) {
    String text() {
        StringBuilder text = new StringBuilder("lab " + name + "\nnode sw\n  bridge hub\n");
        for (int n = 1; n <= nodes; n++) {
            text.append("node n").append(n).append('\n')
                    .append("  link hub0 to sw:hub address ").append(hubAddress(n)).append("/16\n")
                    .append("  link right to n").append(next(n)).append(":left address ").append(ringNetwork).append('.')
                    .append(n).append(".1/30\n")
                    .append("  address left ").append(ringNetwork).append('.').append(previous(n)).append(".2/30\n");
        }
        return text.toString();
    }

    Lab lab() {
        return TopologyReader.parse(name + ".topo", text());
    }

    String hubAddress(int n) {
        return hubNetwork + "." + n / 250 + "." + (n % 250 + 1);
    }

    int next(int n) {
        return n % nodes + 1;
    }

    private int previous(int n) {
        return (n + nodes - 2) % nodes + 1;
    }

    /**
     * What a working lab answers: every node every other node's hub address, and its two ring
     * neighbours the ends of the links it shares with them; sw (a bridge, no address) nothing.
     */
    Set<String> everyPairThatShouldAnswer() {
        Set<String> expected = new HashSet<>();
        for (int n = 1; n <= nodes; n++) {
            for (int other = 1; other <= nodes; other++) {
                if (other != n) {
                    expected.add("n" + n + " -> " + hubAddress(other));
                }
            }
            expected.add("n" + n + " -> " + ringNetwork + "." + n + ".2");
            expected.add("n" + n + " -> " + ringNetwork + "." + previous(n) + ".1");
        }
        return expected;
    }

    /** The machine that holds each node (sw: m0's copy), from the machines' /run/netns. */
    Map<String, Integer> machines(int machines) {
        Map<String, Integer> machineOf = new HashMap<>(Map.of("sw", 0));
        for (int n = 1; n <= nodes; n++) {
            for (int m = 0; m < machines; m++) {
                if (SimulatedMachines.holds(m, "n" + n)) {
                    assertThat(machineOf.put("n" + n, m)).as("n%d on one machine only", n).isNull();
                }
            }
            assertThat(machineOf).as("n%d on a machine", n).containsKey("n" + n);
        }
        return machineOf;
    }

    /** A node whose ring link to the next is cut: its ends are on two machines. */
    int cutRingLink(int machines) {
        Map<String, Integer> machineOf = machines(machines);
        for (int n = 1; n <= nodes; n++) {
            if (!machineOf.get("n" + n).equals(machineOf.get("n" + next(n)))) {
                return n;
            }
        }
        throw new AssertionError("no ring link is cut");
    }

    /** pingall of the whole lab over its machines answers exactly the pairs that should. */
    void assertEveryPairAnswers(int machines) {
        SimulatedMachines.assertAnsweredExactly(SimulatedMachines.answeredPairs(lab(), machines(machines)),
                everyPairThatShouldAnswer());
    }
}

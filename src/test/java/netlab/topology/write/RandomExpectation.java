package netlab.topology.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import netlab.topology.Node;

/**
 * An {@code expect} line of a {@link RandomTopology}: sent by a node or the host (a host block or
 * not), in its own block without its name or in any block with it, to an address in the lab or
 * outside it or to {@code NODE:IF}, with {@code ttl}, {@code as} and {@code within} where each
 * may go.
 */
final class RandomExpectation {
    private final RandomTopology lab;

    RandomExpectation(RandomTopology lab) {
        this.lab = lab;
    }

    void add() {
        String sender = lab.chance(6) ? Node.HOST : lab.pick(lab.nodes);
        boolean reaches = !lab.chance(3);
        List<String> options = new ArrayList<>();
        List<RandomInterface> addressed = lab.made.stream().filter(m -> m.name != null && (!m.v4.isEmpty() || !m.v6.isEmpty())).toList();
        String target;
        int form = addressed.isEmpty() ? 0 : lab.random.nextInt(3);
        if (form == 0) {
            target = lab.random.nextBoolean() ? "8.8.8.8" : lab.spell6("2001:4860:4860::8888");
        } else {
            RandomInterface m = lab.pick(addressed);
            boolean ipv6 = m.v4.isEmpty() || (!m.v6.isEmpty() && lab.random.nextBoolean());
            boolean bothFamilies = !m.v4.isEmpty() && !m.v6.isEmpty();
            target = form == 1 ? (ipv6 ? lab.spell6(lab.pick(m.v6)) : lab.pick(m.v4)) : m.node + ":" + m.name;
            // NODE:IF with both families names its address by 'as', which only 'reaches' takes.
            reaches |= form == 2 && bothFamilies;
            if (reaches && (form == 2 && bothFamilies || lab.chance(3))) {
                options.add("as " + labAddress(ipv6));
            }
        }
        if (reaches && lab.chance(3)) {
            options.add("ttl " + (1 + lab.random.nextInt(255)));
        }
        if (lab.chance(3)) {
            options.add("within " + lab.pick(List.of("10ms", "300ms", "1s", "2s", "1500ms", "60s", "1000ms")));
        }
        Collections.shuffle(options, lab.random);
        boolean inItsBlock = lab.nodes.contains(sender) && lab.random.nextBoolean();
        String block = inItsBlock ? sender : lab.pick(lab.nodes);
        lab.line(block, "expect " + (inItsBlock ? "" : sender + " ") + (reaches ? "reaches " : "!reaches ") + target
                + (options.isEmpty() ? "" : " " + String.join(" ", options)));
    }

    private String labAddress(boolean ipv6) {
        List<String> addresses = lab.made.stream().flatMap(m -> (ipv6 ? m.v6 : m.v4).stream()).toList();
        return ipv6 ? lab.spell6(lab.pick(addresses)) : lab.pick(addresses);
    }
}

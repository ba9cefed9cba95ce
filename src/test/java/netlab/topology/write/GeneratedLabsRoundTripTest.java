package netlab.topology.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyException;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;

/**
 * Random labs ({@link RandomTopology}, one for each seed) through the writer and back: equal but
 * for positions, and a fixed point ({@link RoundTrip}). A failure names its seeds; {@code
 * RandomTopology.text(seed)} gives the text again.
 */
class GeneratedLabsRoundTripTest {
    private static final int LABS = 400;

    /** What the labs must hold between them, each in at least a few: every statement and option. */
    private static final List<String> COVERED = List.of("^host$", "^\\s*bridge \\S+$", "^\\s*bridge \\S+ \\S+",
            "^\\s*link \\S+ to [^:\\s]+( |$)", "^\\s*link \\S+ to \\S+:br\\d", "^\\s*link \\S+ to \\S+:[^b]",
            " port p\\d", "^\\s*link .* address ", "^\\s*macvlan \\S+ on host:", "^\\s*macvlan .* mode private",
            "^\\s*macvlan .* mode vepa", "^\\s*macvlan .* address ", "^\\s*vxlan .* local ", "^\\s*vxlan .* dstport ",
            "^\\s*vxlan .* mtu ", "^\\s*vxlan .* to ", "^\\s*vxlan .* remote \\S*:", "^\\s*vxlan .* remote \\S+ [0-9]",
            "^\\s*vxlan .* underlay host", "^\\s*address lo ", "^\\s*mtu vx",
            "^\\s*mtu mv", "^\\s*mtu lo ", "^\\s*mtu (eth|e|veth|br|sw)", "^\\s*mac (eth|e|veth)\\d", "^\\s*mac (br|sw)",
            "^\\s*mac p\\d", "^\\s*mac mv", "^\\s*mac vx", "^\\s*mac \\S+ [0-9A-F:]*[A-F]", "^\\s*mac \\S+ 00:",
            "^\\s*route default via ", "^\\s*route ::/0 dev ",
            "^\\s*route default dev ", "^\\s*route .* onlink", "^\\s*route .* metric ", "^\\s*route .* src ",
            "^\\s*route .* via fe80:", "^\\s*route \\S+ dev ", "^\\s*route \\S+/128 dev", "^\\s*neigh .* lladdr peer",
            "^\\s*neigh .* lladdr [0-9A-Fa-f]{2}:", "^\\s*sysctl net.ipv4.conf.\\S+.proxy_arp", "^\\s*sysctl .*=a=b",
            "^\\s*masquerade$", "^\\s*masquerade .*src (\\S+) .*dst !\\1", "^\\s*masquerade .*dst !", "^\\s*masquerade .*out ",
            "^\\s*masquerade .*src fd", "^\\s*snat \\S+$", "^\\s*snat .*src ", "^\\s*snat .*dst [^!]", "^\\s*snat .* out ",
            "^\\s*snat 2001", "^\\s*impair .*rate ", "^\\s*impair .*burst ", "^\\s*impair .*delay ", "^\\s*impair .*jitter ",
            "^\\s*impair .*loss ", "^\\s*impair .*limit ", "^\\s*impair .*both", "^\\s*impair (br|sw)", "^\\s*impair vx",
            "^\\s*expect reaches ", "^\\s*expect \\S+ reaches ", "^\\s*expect .*!reaches ", "^\\s*expect .* ttl ",
            "^\\s*expect .* as ", "^\\s*expect .* within ", "^\\s*expect .* \\S+:\\S+", "^\\s*expect reaches reaches ",
            "^\\s*expect host ", "^lab ", "^node (container-foo|xœœœ-été|long-node-name-number-seven)$");

    @Test
    void randomLabsReadBackEqualAndWriteTheSameText() {
        Map<Long, String> failures = new LinkedHashMap<>();
        for (long seed = 1; seed <= LABS; seed++) {
            long failing = seed;
            problem(seed).ifPresent(problem -> failures.put(failing, problem));
        }
        assertThat(failures.keySet()).as(() -> "failing seeds " + failures.keySet() + "; the first:\nseed "
                + failures.keySet().iterator().next() + ": " + failures.values().iterator().next()).isEmpty();
    }

    /** The round trip's problem with the seed's lab, or a bridge port named needlessly, or the text refused. */
    private static Optional<String> problem(long seed) {
        String text = RandomTopology.text(seed);
        Lab lab;
        try {
            lab = TopologyReader.parse("gen-" + seed + ".topo", text);
        } catch (TopologyException e) {
            return Optional.of("the generator wrote a text the reader refuses:\n" + String.join("\n", e.summaries())
                    + "\n" + text);
        }
        // The generator names ports p1, p2, ...: never what the reader would call them by itself.
        int ports = count(" port ", text);
        int portsWritten = count(" port ", TopologyWriter.write(lab));
        if (portsWritten != ports) {
            return Optional.of("the text names " + ports + " bridge ports, the writer " + portsWritten
                    + ": it should name only those the reader would not name so by itself");
        }
        return RoundTrip.problem(lab);
    }

    @Test
    void theLabsHoldEveryStatementAndOption() {
        List<String> texts = LongStream.rangeClosed(1, LABS).mapToObj(RandomTopology::text).toList();
        List<String> rare = new ArrayList<>();
        for (String covered : COVERED) {
            Pattern pattern = Pattern.compile(covered, Pattern.MULTILINE);
            long labs = texts.stream().filter(t -> pattern.matcher(t).find()).count();
            if (labs < 5) {
                rare.add(covered + " (" + labs + " labs)");
            }
        }
        assertThat(rare).as("in fewer than 5 of " + LABS + " labs").isEmpty();
    }

    private static int count(String word, String text) {
        return text.split(Pattern.quote(word), -1).length - 1;
    }
}

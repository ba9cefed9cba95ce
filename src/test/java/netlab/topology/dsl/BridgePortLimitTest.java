package netlab.topology.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import netlab.topology.Lab;
import org.junit.jupiter.api.Test;

/**
 * A bridge takes at most 1023 ports: the kernel numbers them 1..1023 (BR_MAX_PORTS is 1024, port
 * 0 is never given) and refuses the next with EXFULL, after every earlier step of up. A file
 * with more is refused at the link that would be port 1024, once per bridge; a broken file of
 * 1024 links would be too big to read, so this test writes them.
 */
class BridgePortLimitTest {
    private static String star(int ports, String bridge) {
        StringBuilder text = new StringBuilder("host\n  bridge br0\n  bridge br1\n");
        for (int i = 1; i <= ports; i++) {
            text.append("node n").append(i).append("\n  link eth0 to ").append(bridge).append('\n');
        }
        return text.toString();
    }

    @Test
    void aBridgeTakes1023Ports() {
        Lab lab = TopologyReader.parse("star.topo", star(1023, "br0"));

        assertThat(lab.host().orElseThrow().interfaces()).hasSize(1 + 2 + 1023);
    }

    @Test
    void theLinkThatWouldBePort1024IsRefusedOnce() {
        TopologyException e = catchThrowableOfType(TopologyException.class,
                () -> TopologyReader.parse("star.topo", star(1030, "br0")));

        assertThat(e.summaries()).containsExactly("star.topo:2051:16: bridge 'br0' already has 1023 ports, the most the "
                + "kernel allows (BR_MAX_PORTS); this link would be port 1024");
    }

    @Test
    void theLimitIsPerBridge() {
        String text = star(1000, "br0") + star(1000, "br1").replace("host\n  bridge br0\n  bridge br1\n", "")
                .replace("node n", "node m");

        assertThat(TopologyReader.parse("two.topo", text).host().orElseThrow().interfaces()).hasSize(1 + 2 + 2000);
    }
}

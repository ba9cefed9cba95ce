package netlab.cli;

import static netlab.cli.Cli.LAN;
import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code netlab impair} on a running lan: each change read back with tc and nft (a rate is ns1's
 * tbf, a loss the host's netdev chain on ns1's port, where ns1's frames arrive), a change
 * replacing the last one, --clear taking all of it away; an option the file would refuse is
 * refused in the same words (exit 3), a delay on this kernel without sch_netem in one line (exit
 * 4), and down leaves nothing of any of it.
 */
@KernelTest
class ImpairCommandTest {
    private KernelTraces before;

    @BeforeEach
    void upLan() {
        before = KernelTraces.take();
        Run up = netlab("up", LAN);
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
    }

    @AfterEach
    void downLan() {
        Run down = netlab("down", "lan");
        assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.OK);
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void eachChangeReplacesTheLastAndClearTakesItAway() {
        Run rate = netlab("impair", "lan", "ns1:eth0", "rate", "1mbit");

        assertThat(rate.exitCode()).as(rate.err()).isEqualTo(ExitCodes.OK);
        assertThat(rate.out()).isEqualTo("lab lan: ns1:eth0 impair rate 1mbit\n");
        assertThat(qdisc("ns1").path("kind").asText()).isEqualTo("tbf");
        assertThat(qdisc("ns1").path("options").path("rate").asLong()).isEqualTo(125_000);
        assertThat(hostRuleset()).doesNotContain("netdev");

        Run loss = netlab("impair", "lan", "ns1:eth0", "loss", "30%");

        assertThat(loss.out()).isEqualTo("lab lan: ns1:eth0 impair loss 30%\n");
        assertThat(qdisc("ns1").path("kind").asText()).isEqualTo("noqueue");
        assertThat(hostRuleset()).contains("table netdev netlab-lan")
                .contains("chain impair-ns1-eth0 {\n\t\ttype filter hook ingress device \"ns1-eth0\" priority filter; policy accept;\n"
                        + "\t\tnumgen random mod 10000 < 3000 drop");

        Run clear = netlab("impair", "lan", "ns1:eth0", "--clear");

        assertThat(clear.out()).isEqualTo("lab lan: ns1:eth0 is not impaired\n");
        assertThat(qdisc("ns1").path("kind").asText()).isEqualTo("noqueue");
        assertThat(hostRuleset()).doesNotContain("netdev");
    }

    @Test
    void whatTheFileWouldRefuseIsRefusedAndNothingChanges() {
        KernelTraces lanUp = KernelTraces.take();

        Run unit = netlab("impair", "lan", "ns1:eth0", "rate", "1mbits");
        Run lo = netlab("impair", "lan", "ns1:lo", "rate", "1mbit");
        Run delay = netlab("impair", "lan", "ns1:eth0", "delay", "20ms");
        Run nothing = netlab("impair", "lan", "ns1:eth0");
        // A line break would smuggle a statement of its own into the lab's text.
        Run smuggled = netlab("impair", "lan", "ns1:eth0", "rate", "1mbit\nnode ns9");
        // A '#' would make a comment of the words after it.
        Run hidden = netlab("impair", "lan", "ns1:eth0", "rate", "1mbit", "#", "loss", "5%");

        assertThat(unit.exitCode()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(unit.err()).startsWith("netlab impair ns1:eth0: unknown rate unit 'mbits' (did you mean 'mbit'?)");
        assertThat(lo.exitCode()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(lo.err()).startsWith("netlab impair ns1:lo: 'lo' cannot be impaired");
        if (Shell.run("unshare", "--net", "sh", "-c",
                "ip link add v0 type veth peer name v1 && tc qdisc add dev v0 root netem delay 1ms").exitCode() != 0) {
            assertThat(delay.exitCode()).isEqualTo(ExitCodes.KERNEL);
            assertThat(delay.err()).isEqualTo("netlab: lab lan: delay needs the kernel's sch_netem module (modprobe sch_netem), "
                    + "which this kernel does not have; netlab doctor lists what it lacks\n");
            assertThat(KernelTraces.take()).isEqualTo(lanUp);
        } else {
            assertThat(delay.exitCode()).as(delay.err()).isEqualTo(ExitCodes.OK);
        }
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(smuggled.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(smuggled.err()).contains("an option is one word: no blank, no line break, no control character, no '#'");
        assertThat(hidden.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static JsonNode qdisc(String node) {
        return Json.parse(Shell.check("tc", "-n", node, "-j", "qdisc", "show", "dev", "eth0")).path(0);
    }

    private static String hostRuleset() {
        return Shell.check("nft", "list", "ruleset");
    }
}

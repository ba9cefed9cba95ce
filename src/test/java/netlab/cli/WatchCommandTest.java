package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import netlab.testing.KernelTest;
import netlab.testing.LeavesNoLab;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code netlab watch lan} in a child JVM prints the changes that {@code ip} makes in the lab's
 * nodes, in its own words, and ends with the status docs/watch.md gives: 0 when the lab goes
 * down, 130 on SIGINT. ip is the oracle that the change happened as the line says.
 */
@KernelTest
@ExtendWith(LeavesNoLab.class)
class WatchCommandTest {
    /** HH:mm:ss.SSS, the node, the rest: every line watch prints. */
    private static final Pattern LINE = Pattern.compile("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (host|ns1|ns2) "
            + "(link \\S+ \\S+|(address|route|neighbour) \\S+ \\S+)( \\S+ \\S+)*");

    private WatchProcess watch;

    @AfterEach
    void downAndStop() throws InterruptedException {
        if (watch != null) {
            watch.close();
        }
        if (Cli.netlab("ls").out().contains("lan")) {
            assertThat(Cli.netlab("down", "lan").exitCode()).isZero();
        }
    }

    private static void up() {
        Run up = Cli.netlab("up", Cli.LAN);
        assertThat(up.exitCode()).as(up.err()).isZero();
    }

    private static JsonNode ipJson(String... args) throws Exception {
        return new ObjectMapper().readTree(Shell.check(args));
    }

    @Test
    void linkDownAndAnAddressAreEachALineAndDownEndsWatchWithZero() throws Exception {
        up();
        watch = WatchProcess.start("lan");

        Shell.check("ip", "-n", "ns1", "link", "set", "eth0", "down");
        String down = watch.awaitOut(line -> line.endsWith(" ns1 link eth0 down"));
        JsonNode eth0 = ipJson("ip", "-j", "-n", "ns1", "link", "show", "eth0").get(0);
        assertThat(eth0.get("flags").toString()).doesNotContain("\"UP\"");
        assertThat(eth0.get("operstate").asText()).isEqualTo("DOWN");

        Shell.check("ip", "-n", "ns1", "addr", "add", "10.9.9.9/32", "dev", "lo");
        String added = watch.awaitOut(line -> line.endsWith(" ns1 address add 10.9.9.9/32 dev lo scope global"));
        JsonNode lo = ipJson("ip", "-j", "-n", "ns1", "addr", "show", "dev", "lo").get(0);
        assertThat(lo.get("addr_info").toString()).contains("\"local\":\"10.9.9.9\",\"prefixlen\":32", "\"scope\":\"global\"");

        List<String> out = watch.out();
        assertThat(Cli.netlab("down", "lan").exitCode()).isZero();
        assertThat(watch.awaitExit()).isZero();
        assertThat(watch.err()).containsExactly("watching lab lan; Ctrl-C to stop", "lab lan is down; watch ends");
        // Down's own changes may be its last lines (ns1 link eth0 del): before down, exactly these.
        assertThat(watch.out()).allMatch(line -> LINE.matcher(line).matches(), "a watch line");
        assertThat(out).filteredOn(line -> line.contains(" ns1 link eth0 ")).containsExactly(down);
        assertThat(out).filteredOn(line -> line.contains(" ns1 address ")).containsExactly(added);
        assertThat(out.indexOf(down)).isLessThan(out.indexOf(added));
    }

    @Test
    void jsonIsOneObjectALineAndSigintEndsWatchWith130() throws Exception {
        up();
        watch = WatchProcess.start("lan", "--json");
        Instant before = Instant.now();

        Shell.check("ip", "-n", "ns2", "link", "set", "eth0", "down");
        String line = watch.awaitOut(l -> l.contains("\"node\": \"ns2\"") && l.contains("\"kind\": \"link\""));
        Instant after = Instant.now();

        JsonNode event = new ObjectMapper().readTree(line);
        assertThat(event.toString()).isEqualTo("{\"schema_version\":1,\"time\":" + event.get("time")
                + ",\"node\":\"ns2\",\"kind\":\"link\",\"action\":\"down\",\"subject\":\"eth0\",\"details\":{}}");
        assertThat(Instant.parse(event.get("time").asText())).isBetween(before, after);
        assertThat(ipJson("ip", "-j", "-n", "ns2", "link", "show", "eth0").get(0).get("operstate").asText())
                .isEqualTo("DOWN");

        Shell.check("kill", "-INT", Long.toString(watch.pid()));
        assertThat(watch.awaitExit()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(watch.err()).containsExactly("watching lab lan; Ctrl-C to stop", "netlab: interrupted; watch ends");
        for (String printed : watch.out()) {
            assertThat(new ObjectMapper().readTree(printed).get("schema_version").asInt()).as(printed).isEqualTo(1);
        }
        assertThat(Cli.netlab("ls").out()).contains("lan"); // the lab is untouched
    }

    @Test
    void aLabThatIsNotUpIsALabStateError() {
        Run run = Cli.netlab("watch", "lan");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(run.err()).contains("lab lan is not up");
    }
}

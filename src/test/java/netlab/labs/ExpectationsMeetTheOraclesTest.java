package netlab.labs;

import static netlab.labs.LabRun.ipNetnsExec;
import static netlab.labs.LabRun.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code netlab test} reports of the AWS lab (seed 000) is what independent tools see: each
 * TTL is the one a real {@code ping} gets, each "seen as" the source tcpdump sees arrive at the
 * target; and a lab with one route removed, or without the SNAT rule, fails exactly the
 * expectations that depend on it, with messages that say why.
 */
@KernelTest
class ExpectationsMeetTheOraclesTest {
    private static final Pattern TTL = Pattern.compile(" ttl=(\\d+) ");

    @TempDir
    Path dir;

    private LabRun lab;

    @AfterEach
    void down() {
        if (lab != null) {
            lab.downLeavesNothing();
        }
    }

    @Test
    void everyTtlIsTheOneRealPingGets() {
        lab = LabRun.up("aws-secondary-ip", "aws-secondary-ip");

        Run test = netlab("test", "aws-secondary-ip", "--json");

        assertThat(test.exitCode()).as(test.err()).isZero();
        JsonNode report = Json.parse(test.out());
        int compared = 0;
        for (JsonNode e : report.get("expectations")) {
            if (!e.get("reply").isNull()) {
                Shell.Result ping = ipNetnsExec(e.get("node").asText(), "ping", "-c", "1", "-W", "2",
                        e.get("target").asText());
                Matcher ttl = TTL.matcher(ping.stdout());
                assertThat(ttl.find()).as("ping %s from %s: %s", e.get("target"), e.get("node"), ping.stdout()).isTrue();
                assertThat(e.get("reply").get("ttl").asInt()).as(e.get("statement").asText())
                        .isEqualTo(Integer.parseInt(ttl.group(1)));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(7);
        assertThat(report.get("passed").asInt()).isEqualTo(8);
    }

    @Test
    void seenAsIsTheSourceTcpdumpSeesAtTheTarget() throws Exception {
        lab = LabRun.up("aws-secondary-ip", "aws-secondary-ip");
        Path expect = dir.resolve("as.expect");
        Files.writeString(expect, "expect container-foo reaches 8.8.8.8 as 198.51.100.209\n");

        try (Tcpdump internet = Tcpdump.start("internet", "eth0", false, "icmp[icmptype] == icmp-echo")) {
            Run test = netlab("test", "aws-secondary-ip", "--expect", expect.toString(), "--json");
            JsonNode seen = Json.parse(test.out()).get("expectations");
            String packet = internet.packet();
            JsonNode netlabs = seen.get(seen.size() - 1);
            assertThat(netlabs.get("statement").asText()).isEqualTo("container-foo reaches 8.8.8.8 as 198.51.100.209");
            assertThat(packet).contains("IP " + netlabs.get("seen_from").asText() + " > 8.8.8.8: ICMP echo request");
            assertThat(netlabs.get("seen_from").asText()).isEqualTo("198.51.100.209");
        }
    }

    @Test
    void withoutTheSnatRuleNotReachingPassesAndSeenAsFailsSayingWhatArrived() throws Exception {
        lab = LabRun.up("aws-secondary-ip-no-snat", "aws-secondary-ip-no-snat");
        Path expect = dir.resolve("grading.expect");
        Files.writeString(expect, """
                # what the exercise asks for once the SNAT rule is in place
                expect container-foo reaches 8.8.8.8 ttl 62 as 198.51.100.209
                """);

        Run test = netlab("test", "aws-secondary-ip-no-snat", "--expect", expect.toString());

        assertThat(test.exitCode()).as(test.out() + test.err()).isEqualTo(1);
        List<String> failed = failures(test.out());
        assertThat(failed).containsExactly(expect + ":2 | container-foo reaches 8.8.8.8 ttl 62 as 198.51.100.209 | "
                + "no reply within 1s; seen as 172.31.37.240, expected 198.51.100.209");
        assertThat(test.out()).containsPattern("pass  \\S+aws-secondary-ip-no-snat.topo:\\d+ +container-foo !reaches 8.8.8.8 ")
                .contains("8 of 9 expectations passed, 1 failed");
    }

    @Test
    void aLabWithOneRouteRemovedFailsExactlyTheExpectationsThatNeedIt() throws Exception {
        String text = Files.readString(Path.of("../topologies/aws-secondary-ip.topo"));
        String broken = text.replace("  route 198.51.100.0/24 via 203.0.113.1\n", "")
                .replace("lab aws-secondary-ip\n", "lab aws-no-return\n");
        assertThat(broken).isNotEqualTo(text);
        Path file = dir.resolve("aws-no-return.topo");
        Files.writeString(file, broken);
        lab = LabRun.up(file, "aws-no-return");

        Run test = netlab("test", "aws-no-return");

        assertThat(test.exitCode()).isEqualTo(1);
        // The internet cannot answer anyone now: the three that reach 8.8.8.8 fail, and only they.
        assertThat(failures(test.out()).stream().map(line -> line.substring(line.indexOf(" | ") + 3)).toList())
                .containsExactly(
                        "foo reaches 8.8.8.8 ttl 63 as 198.51.100.209 | no reply within 1s",
                        "bar reaches 8.8.8.8 ttl 63 as 198.51.100.37 | no reply within 1s",
                        "container-foo reaches 8.8.8.8 ttl 62 as 198.51.100.209 | no reply within 1s");
        assertThat(test.out()).contains("5 of 8 expectations passed, 3 failed");
    }

    /** The FAIL lines of a report as "WHERE | STATEMENT | SEEN" (the report pads its columns). */
    private static List<String> failures(String report) {
        List<String> failed = new ArrayList<>();
        report.lines().filter(line -> line.startsWith("FAIL  "))
                .forEach(line -> failed.add(String.join(" | ", line.substring(6).split(" {2,}"))));
        return failed;
    }
}

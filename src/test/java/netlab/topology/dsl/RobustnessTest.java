package netlab.topology.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import netlab.executor.step.Step;
import netlab.executor.step.Steps;
import netlab.plan.Planner;
import netlab.testing.MutatedLabs;
import netlab.topology.Expectation;
import netlab.topology.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input: whatever the bytes, reading ends quickly with a lab or a TopologyException,
 * never another exception and never a hang. Random cases use fixed seeds (printed on failure).
 */
class RobustnessTest {
    static final Duration LIMIT = Duration.ofSeconds(20);
    static final String LAN = """
            lab lan
            host
              bridge br0 192.168.0.254/24
              sysctl net.ipv4.ip_forward=1
              masquerade src 192.168.0.0/24
              expect reaches ns2:eth0 within 2s
            node ns1
              link eth0 to br0 address 192.168.0.1/24
              route default via 192.168.0.254
              expect reaches 192.168.0.2 ttl 64 as 192.168.0.1
            node ns2
              link eth0 to br0 address 192.168.0.2/24
              route default via 192.168.0.254
              expect ns1 !reaches 8.8.8.8 within 300ms
            """;
    /** Expectations for {@link #LAN}, kept in a file of their own. */
    static final String LAN_EXPECTATIONS = """
            # what lan must do
            expect ns1 reaches ns2:eth0 ttl 64
            expect host reaches 192.168.0.1 within 500ms
            expect ns2 !reaches 8.8.8.8
            """;

    /**
     * Parses, accepting only a lab or a TopologyException with at least one diagnostic; a lab
     * that parses goes on through the planner and every step's command and claims, which must
     * not fail on anything the reader accepted.
     */
    static void survives(String name, String text) {
        Lab lab;
        try {
            lab = TopologyReader.parse(name, text);
        } catch (TopologyException e) {
            assertThat(e.diagnostics()).as(name).isNotEmpty();
            assertThat(e.getMessage()).as(name).isNotEmpty();
            return;
        }
        for (Step step : Steps.of(Planner.plan(lab))) {
            assertThat(step.command()).as(name).isNotBlank().doesNotContain("\n");
            assertThat(step.creates()).as(name).isNotNull();
            assertThat(step.interfacesUsed()).as(name).isNotNull();
        }
        expectationsAreWhole(name, lab.expectations());
    }

    /** What plan prints of an expectation is one line, and each names the node that sends. */
    private static void expectationsAreWhole(String name, List<Expectation> expectations) {
        for (Expectation e : expectations) {
            assertThat(e.text()).as(name).startsWith(e.node() + " ").doesNotContain("\n");
        }
    }

    @Test
    void randomTextNeverCrashes() {
        assertTimeoutPreemptively(LIMIT, () -> {
            String alphabet = "abcdefghlnorstuvx0123456789:./!-_=# \t\n\u0000\u00e9\u001b";
            for (long seed = 0; seed < 300; seed++) {
                Random random = new Random(seed);
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(2000);
                for (int i = 0; i < length; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                survives("random-" + seed + ".topo", text.toString());
            }
        });
    }

    @Test
    void mutatedLanNeverCrashes() {
        assertTimeoutPreemptively(LIMIT, () -> {
            for (long seed = 0; seed < 2000; seed++) {
                survives("mutated-" + seed + ".topo", MutatedLabs.of(LAN, seed));
            }
        });
    }

    @Test
    void mutatedExpectationsFilesNeverCrash() {
        Lab lan = TopologyReader.parse("lan.topo", LAN);
        assertTimeoutPreemptively(LIMIT, () -> {
            for (long seed = 0; seed < 2000; seed++) {
                String name = "mutated-" + seed + ".expect";
                try {
                    expectationsAreWhole(name, TopologyReader.parseExpectations(name, MutatedLabs.of(LAN_EXPECTATIONS, seed), lan));
                } catch (TopologyException e) {
                    assertThat(e.diagnostics()).as(name).isNotEmpty();
                }
            }
        });
    }

    @Test
    void nulBytesAreReportedWhereTheyAre() {
        TopologyException e = catchThrowableOfType(TopologyException.class,
                () -> TopologyReader.parse("nul.topo", "node a\n  bri\u0000dge br0\n# \u0000 in a comment\n"));
        assertThat(e.summaries()).containsExactly("nul.topo:2:6: NUL byte in the file", "nul.topo:3:3: NUL byte in the file");
    }

    @Test
    void invalidUtf8IsReportedAtEveryBadSequence(@TempDir Path dir) throws Exception {
        byte[] bytes = "node a\n  bridge br\u00ff0\n  bridge x\u00c3(\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.topo"), bytes);

        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyReader.read(file));

        assertThat(e.summaries()).containsExactly(
                file + ":2:12: the file is not valid UTF-8 (byte 0xff)",
                file + ":3:11: the file is not valid UTF-8 (byte 0xc3)");
    }

    @Test
    void randomBytesNeverCrash(@TempDir Path dir) {
        assertTimeoutPreemptively(LIMIT, () -> {
            for (long seed = 0; seed < 200; seed++) {
                byte[] bytes = new byte[new Random(seed).nextInt(4000)];
                new Random(seed).nextBytes(bytes);
                Path file = Files.write(dir.resolve("bytes-" + seed + ".topo"), bytes);
                try {
                    TopologyReader.read(file);
                } catch (TopologyException expected) {
                    assertThat(expected.diagnostics()).isNotEmpty();
                }
            }
        });
    }

    @Test
    void aVeryLongLineFailsFastWithAShortMessage(@TempDir Path dir) throws Exception {
        // Through the file reader, as a user's file comes: bytes on disk, not a string.
        Path file = Files.writeString(dir.resolve("long.topo"), "node " + "n".repeat(5_000_000) + " " + "x".repeat(5_000_000));
        TopologyException e = assertTimeoutPreemptively(LIMIT,
                () -> catchThrowableOfType(TopologyException.class, () -> TopologyReader.read(file)));
        assertThat(e.summaries()).hasSize(2);
        assertThat(e.getMessage().length()).isLessThan(2000);
    }

    @Test
    void randomBytesJustUnderTheSizeLimitFailFast(@TempDir Path dir) throws Exception {
        byte[] bytes = new byte[(16 << 20) - 1];
        new Random(16).nextBytes(bytes);
        Path file = Files.write(dir.resolve("almost-16-MiB.topo"), bytes);

        TopologyException e = assertTimeoutPreemptively(LIMIT,
                () -> catchThrowableOfType(TopologyException.class, () -> TopologyReader.read(file)));

        assertThat(e.summaries()).isNotEmpty().hasSizeLessThanOrEqualTo(101);
    }

    @Test
    void aHundredMegabyteFileIsRefusedBeforeReadingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.topo");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] chunk = "node a\n".repeat(1 << 14).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < 100L << 20; written += chunk.length) {
                out.write(chunk);
            }
        }
        TopologyException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> catchThrowableOfType(TopologyException.class, () -> TopologyReader.read(file)));
        assertThat(e.summaries()).containsExactly(file + ": the file is larger than 16 MiB; is it a topology file?");
    }

    @Test
    void aLargeValidLabParsesInLinearTime() {
        // 20 000 nodes on 20 bridges (a bridge takes at most 1023 ports), each with an address, a
        // route and a neighbour: ~2 MB of text.
        StringBuilder text = new StringBuilder("host\n");
        for (int b = 0; b < 20; b++) {
            text.append("  bridge br").append(b).append(" 10.").append(b).append(".0.1/16\n");
        }
        for (int i = 0; i < 20_000; i++) {
            int b = i / 1000;
            text.append("node n").append(i).append("\n  link eth0 to br").append(b).append(" port p").append(i)
                    .append(" address 10.").append(b).append('.').append(1 + i % 1000 / 250).append('.')
                    .append(2 + i % 250).append("/16\n")
                    .append("  route default via 10.").append(b).append(".0.1\n  neigh 10.").append(b)
                    .append(".0.1 dev eth0 lladdr peer\n");
        }
        Lab lab = assertTimeoutPreemptively(LIMIT, () -> TopologyReader.parse("big.topo", text.toString()));
        assertThat(lab.nodes()).hasSize(20_001);
        assertThat(lab.host().orElseThrow().interfaces()).hasSize(20_021);
    }

    @Test
    void aFloodOfProblemsStopsAtTheLimit() {
        String text = "node a\n" + "nonsense\n".repeat(100_000);
        TopologyException e = assertTimeoutPreemptively(LIMIT,
                () -> catchThrowableOfType(TopologyException.class, () -> TopologyReader.parse("flood.topo", text)));
        assertThat(e.diagnostics()).hasSize(Problems.LIMIT + 1);
        assertThat(e.diagnostics().getLast().message()).isEqualTo("too many problems; stopped after " + Problems.LIMIT);
    }
}

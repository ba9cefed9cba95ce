package netlab.topology.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.testing.Shell;
import netlab.topology.Expectation;
import netlab.topology.Expectation.Reach;
import netlab.topology.Lab;
import netlab.topology.ProbeTarget;
import netlab.topology.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An expectations file: only {@code expect} lines naming their node, resolved against a lab read
 * before, with the topology file's rules for reading and its diagnostics, at positions in this file.
 */
class ExpectationsFileTest {
    static final Lab LAB = TopologyReader.parse("t.topo", ExpectStatementTest.LAB);

    @TempDir
    Path directory;

    static List<String> problems(String text) {
        TopologyException e = catchThrowableOfType(TopologyException.class,
                () -> TopologyReader.parseExpectations("t.expect", text, LAB));
        assertThat(e).as("must be refused: " + text).isNotNull();
        return e.summaries();
    }

    @Test
    void expectLinesWithCommentsAndBlankLinesAreResolvedAgainstTheLab(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("lan.expect"), """
                # what the lab must do

                expect ns1 reaches ns2:eth0 ttl 64   # across the bridge
                \texpect host !reaches 10.0.0.1 within 300ms
                """);

        List<Expectation> expectations = TopologyReader.readExpectations(file, LAB);

        assertThat(expectations).containsExactly(
                new Expectation(new Source(file.toString(), 3, 1), "ns1", Reach.REACHES,
                        new ProbeTarget(InetAddress.getByName("192.168.0.2"), "ns2:eth0", List.of("ns2", "far")),
                        OptionalInt.of(64), Optional.empty(), Expectation.DEFAULT_WITHIN),
                new Expectation(new Source(file.toString(), 4, 2), "host", Reach.DOES_NOT_REACH,
                        new ProbeTarget(InetAddress.getByName("10.0.0.1"), "10.0.0.1", List.of("ns1")),
                        OptionalInt.empty(), Optional.empty(), Duration.ofMillis(300)));
        assertThat(LAB.withExpectations(expectations).expectations()).hasSize(2);
    }

    @Test
    void anEmptyFileExpectsNothing() {
        assertThat(TopologyReader.parseExpectations("t.expect", "# nothing yet\n\n", LAB)).isEmpty();
    }

    @Test
    void anyOtherStatementIsRefusedWhereItIs() {
        assertThat(problems("expect ns1 reaches 10.0.0.2\nnode ns3\n  expct ns1 reaches 10.0.0.2\nlab t\n")).containsExactly(
                "t.expect:2:1: an expectations file holds only 'expect' statements, not 'node'",
                "t.expect:3:3: an expectations file holds only 'expect' statements, not 'expct' (did you mean 'expect'?)",
                "t.expect:4:1: an expectations file holds only 'expect' statements, not 'lab'");
    }

    @Test
    void everyLineNamesItsNode() {
        assertThat(problems("expect reaches 10.0.0.2\nexpect !reaches 8.8.8.8\n")).containsExactly(
                "t.expect:1:8: an expectations file has no blocks, so each line names its node: 'expect NODE reaches ...'",
                "t.expect:2:8: an expectations file has no blocks, so each line names its node: 'expect NODE !reaches ...'");
    }

    @Test
    void namesAreLookedUpInTheLabAndEveryProblemIsReportedInOneRun() {
        assertThat(problems("""
                expect ns3 reaches 10.0.0.2
                expect ns1 reaches ns2:eht9
                expect ns1 reaches 8.8.8.8 as 10.0.0.1
                expect ns1 reaches 10.0.0.2 ttl 300
                """)).containsExactly(
                "t.expect:1:8: unknown node 'ns3' (did you mean 'ns1'?)",
                "t.expect:2:24: unknown interface 'eht9' in node 'ns2' (did you mean 'eth9'?)",
                "t.expect:3:28: as needs a target inside the lab: 8.8.8.8 is no node's address",
                "t.expect:4:33: ttl 300 is out of range (1..255)");
    }

    @Test
    void aFifoADirectoryAndBadUtf8AreRefusedAsTopologyFilesAre() throws Exception {
        Path fifo = directory.resolve("lab.expect");
        Shell.check("mkfifo", fifo.toString());
        Path latin1 = Files.write(directory.resolve("latin1.expect"),
                "expect ns1 reaches n\u00e9:eth0\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(refusal(fifo)).containsExactly(fifo + ": cannot read the file: it is a FIFO, not a regular file");
        assertThat(refusal(directory)).containsExactly(directory + ": cannot read the file: it is a directory, not a regular file");
        assertThat(refusal(latin1)).containsExactly(latin1 + ":1:21: the file is not valid UTF-8 (byte 0xe9)");
        assertThat(refusal(directory.resolve("missing.expect")))
                .containsExactly(directory.resolve("missing.expect") + ": cannot read the file: no such file");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path big = Files.write(directory.resolve("big.expect"), new byte[TopologyReader.MAX_BYTES + 1]);

        assertThat(refusal(big)).containsExactly(big + ": the file is larger than 16 MiB; is it an expectations file?");
    }

    private static List<String> refusal(Path file) {
        TopologyException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> catchThrowableOfType(TopologyException.class, () -> TopologyReader.readExpectations(file, LAB)));
        return e.summaries();
    }
}

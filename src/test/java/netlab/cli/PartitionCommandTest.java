package netlab.cli;

import static netlab.cli.Cli.LAN;
import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.testing.NetlabRunner.Run;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionCommandTest {
    @Test
    void printsThePartsTheCutAndEachNodesPart() {
        Run run = netlab("partition", LAN, "--hosts", "2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        // lan: the host's bridge br0 with ns1 and ns2 on its ports; one of them must go.
        assertThat(run.out()).isEqualTo("""
                lab lan over 2 hosts (seed 1)
                  part 0: 2 nodes, weight 12 (+33.3 %)
                  part 1: 1 node, weight 6 (-33.3 %)
                  cut: 1 (veth links across hosts: 0; bridges split: host:br0 in 2 copies)
                nodes:
                  host 0
                  ns1 0
                  ns2 1
                """);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void oneHostIsSaidInTheSingular() {
        Run run = netlab("partition", LAN, "--hosts", "1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("lab lan over 1 host (seed 1)\n  part 0: 3 nodes,");
    }

    @Test
    void fewerThanOneHostIsAUsageError() {
        Run run = netlab("partition", LAN, "--hosts", "0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("--hosts must be 1..64, not 0\n");
    }

    @Test
    void moreHostsThanTheLimitAreAUsageErrorNotAnHourOfWork() {
        Run run = netlab("partition", LAN, "--hosts", "100000");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("--hosts must be 1..64, not 100000\n");
    }

    @Test
    void writingPartsForMoreMachinesThanTheLabFillsIsAUsageErrorAndWritesNothing(@TempDir Path dir) {
        Run run = netlab("partition", LAN, "--hosts", "4", "--write", dir.resolve("parts").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("--write: lab lan fills only 3 of 4 machines (its nodes that can be apart), "
                + "so 1 would have nothing to build; ask for 3 or fewer\n");
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("parts")).doesNotExist();
    }

    @Test
    void aBrokenFileIsRefusedAsCheckRefusesIt() {
        Run run = netlab("partition", "no-such.topo", "--hosts", "2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.TOPOLOGY);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void theUnderlayAndVniOptionsWithoutWriteAreAUsageError() {
        for (String[] options : new String[][] {{"--underlay", "garbage"}, {"--underlay-mtu", "1"},
                {"--vni-base", "-1"}}) {
            Run run = netlab("partition", LAN, "--hosts", "2", options[0], options[1]);

            assertThat(run.exitCode()).as(options[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).startsWith("--underlay, --underlay-mtu and --vni-base go with --write\n");
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void aVniBaseFromWhichTheLabsVnisDoNotFitIsAUsageErrorAndWritesNothing(@TempDir Path dir) {
        assertThat(netlab("partition", LAN, "--hosts", "1", "--vni-base", "16777216", "--write",
                dir.resolve("parts").toString()).exitCode()).as("one machine: no VNI, still no such base")
                .isEqualTo(ExitCodes.USAGE);
        for (String base : new String[] {"-1", "0", "16777216", "2147483647"}) {
            Run run = netlab("partition", LAN, "--hosts", "2", "--vni-base", base, "--write",
                    dir.resolve("parts").toString());

            assertThat(run.exitCode()).as(base).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(base).startsWith("--write: the lab's 1 VNI from " + base
                    + " does not fit in 1..16777215; take a base of 1..16777215\n");
            assertThat(run.out()).isEmpty();
            assertThat(dir.resolve("parts")).doesNotExist();
        }
    }

    /** Spellings other tools read differently (inet_aton takes 010 as octal) are not guessed at. */
    @Test
    void underlayAddressesAreReadAsTopologyFilesReadThem(@TempDir Path dir) {
        for (String text : new String[] {"010.0.0.1", "1.2.3", "10.1", "192.0.2.1%eth0"}) {
            Run run = netlab("partition", LAN, "--hosts", "2", "--underlay", text, "--write", dir.resolve("p").toString());

            assertThat(run.exitCode()).as(text).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(text).startsWith("--underlay takes addresses, not '" + text + "'\n");
            assertThat(dir.resolve("p")).doesNotExist();
        }
    }

    @Test
    void anEmptyDirectoryNameIsAUsageErrorNotTheCurrentDirectory() {
        Run run = netlab("partition", LAN, "--hosts", "2", "--write", "");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("--write takes a directory, not ''\n");
    }

    /** Parts are copied to other machines: their mode is the umask's, as a file the user wrote, not a temporary file's 0600. */
    @Test
    void partFilesTakeTheUmasksMode(@TempDir Path dir) throws Exception {
        Run run = netlab("partition", LAN, "--hosts", "2", "--write", dir.toString());
        Process umask = new ProcessBuilder("sh", "-c", "umask").start();
        int mask = Integer.parseInt(new String(umask.getInputStream().readAllBytes()).strip(), 8);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        for (String part : new String[] {"lan.p0.topo", "lan.p1.topo"}) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    dir.resolve(part)))).as(part).isEqualTo(rwx(0666 & ~mask));
        }
    }

    private static String rwx(int mode) {
        StringBuilder text = new StringBuilder();
        for (int bit = 8; bit >= 0; bit--) {
            text.append((mode & (1 << bit)) != 0 ? "rwx".charAt((8 - bit) % 3) : '-');
        }
        return text.toString();
    }

    @Test
    void anUnderlayOfNoAddressesIsAUsageError(@TempDir Path dir) {
        Run run = netlab("partition", LAN, "--hosts", "2", "--underlay", ",", "--write", dir.resolve("parts").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("--underlay takes addresses, not none\n");
        assertThat(dir.resolve("parts")).doesNotExist();
    }

    @Test
    void underlayAddressesThatAreNotOneMachineEachAreAUsageError(@TempDir Path dir) {
        String[][] cases = {
            {"239.1.1.1", "239.1.1.1 is not a machine's address"},
            {"0.0.0.0", "0.0.0.0 is not a machine's address"},
            {"127.0.0.1", "127.0.0.1 is not a machine's address"},
            {"ff02::1", "ff02::1 is not a machine's address"},
            {"192.0.2.1,192.0.2.1,192.0.2.2", "each machine needs an address of its own"},
            {"255.255.255.254", "255.255.255.254 is not a machine's address"},
            {"223.255.255.255", "224.0.0.0 is not a machine's address"},
            {"fe80::1", "fe80::1 is not a machine's address"},
            {"169.254.0.1", "169.254.0.1 is not a machine's address"},
            {"0.0.0.1", "0.0.0.1 is not a machine's address"},
            {"240.0.0.1", "240.0.0.1 is not a machine's address"},
            {"::10.0.0.1", "::a00:1 is not a machine's address"},
            {"fec0::1", "fec0::1 is not a machine's address"},
            {"::ffff:10.0.0.1", "::ffff:a00:1 is not a machine's address"},
        };
        for (String[] c : cases) {
            Run run = netlab("partition", LAN, "--hosts", "3", "--underlay", c[0], "--write",
                    dir.resolve("parts").toString());

            assertThat(run.exitCode()).as(c[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(c[0]).startsWith("--underlay: " + c[1]);
            assertThat(run.out()).isEmpty();
            assertThat(dir.resolve("parts")).doesNotExist();
        }
    }

    @Test
    void aDirectoryThatCannotBeMadeIsAUsageErrorSayingWhy(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "a file\n");
        for (Path target : new Path[] {file, file.resolve("parts")}) {
            Run run = netlab("partition", LAN, "--hosts", "2", "--write", target.toString());

            assertThat(run.exitCode()).as(target.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(target.toString()).startsWith("--write " + target + ": cannot write the parts (");
        }
        assertThat(Files.readString(file)).isEqualTo("a file\n");
    }

    @Test
    void aSmallerSplitRemovesThePartsOfALargerOneAndNothingElse(@TempDir Path dir) throws IOException {
        Path parts = dir.resolve("parts");
        assertThat(netlab("partition", LAN, "--hosts", "3", "--write", parts.toString()).exitCode()).isZero();
        Path notOurs = Files.writeString(parts.resolve("lan.p7.topo"), "lab lan\nnode mine\n");

        Run run = netlab("partition", LAN, "--hosts", "2", "--write", parts.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("wrote " + parts.resolve("lan.p0.topo") + "\n", "wrote "
                + parts.resolve("lan.p1.topo") + "\n", "removed " + parts.resolve("lan.p2.topo")
                + " (a part of an earlier split)\n");
        try (var files = Files.list(parts)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("lan.p0.topo", "lan.p1.topo", "lan.p7.topo");
        }
        assertThat(Files.readString(notOurs)).isEqualTo("lab lan\nnode mine\n");
    }

    /** A part split again into its own directory: the file read is neither replaced nor removed. */
    @Test
    void aPartSplitIntoItsOwnDirectoryIsRefusedAndKept(@TempDir Path dir) throws IOException {
        Path parts = dir.resolve("parts");
        assertThat(netlab("partition", LAN, "--hosts", "3", "--write", parts.toString()).exitCode()).isZero();
        for (String part : new String[] {"lan.p2.topo", "lan.p0.topo"}) {
            Path source = parts.resolve(part);
            String before = Files.readString(source);

            Run run = netlab("partition", source.toString(), "--hosts", "1", "--write", parts.toString());

            assertThat(run.exitCode()).as(part).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(part).startsWith("--write " + parts + ": cannot write the parts (" + source
                    + ": that is the file being split; write the parts to another directory)");
            assertThat(Files.readString(source)).as(part).isEqualTo(before);
        }
        try (var files = Files.list(parts)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("lan.p0.topo", "lan.p1.topo", "lan.p2.topo");
        }
    }

    @Test
    void aNewlineInTheSourcePathStaysInsideTheHeaderComment(@TempDir Path dir) throws IOException {
        Path odd = Files.createDirectories(dir.resolve("a\nnode evil"));
        Path source = Files.copy(Path.of(LAN), odd.resolve("lan.topo"));
        Path parts = dir.resolve("parts");

        Run run = netlab("partition", source.toString(), "--hosts", "2", "--write", parts.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String part : new String[] {"lan.p0.topo", "lan.p1.topo"}) {
            String text = Files.readString(parts.resolve(part));
            assertThat(text.lines().findFirst().orElseThrow()).contains("a?node evil");
            assertThat(TopologyReader.parse(part, text).node("evil")).isEmpty();
        }
    }

    @Test
    void upWithHostsIsAUsageErrorThatSaysTheWayToASplitLab() {
        Run run = netlab("up", LAN, "--hosts", "3");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("up builds a lab on this machine; to run it over 3 machines, netlab partition "
                + "FILE --hosts 3 --write DIR and netlab up DIR/LAB.pN.topo --hold on each, or netlab k8s up FILE "
                + "--hosts 3 on a cluster (docs/partition.md)\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnderlayTooSmallForIpv6InATunnelIsAUsageError(@TempDir Path dir) {
        String[][] cases = {{"192.0.2.1", "1329", "--underlay-mtu must be 1330..65535 over IPv4"},
            {"2001:db8::1", "1349", "--underlay-mtu must be 1350..65535 over IPv6"}};
        for (String[] c : cases) {
            Run run = netlab("partition", LAN, "--hosts", "2", "--underlay", c[0], "--underlay-mtu", c[1], "--write",
                    dir.resolve("parts").toString());

            assertThat(run.exitCode()).as(c[1]).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(c[1]).startsWith(c[2] + " (a tunnel carries ");
        }
        assertThat(netlab("partition", LAN, "--hosts", "2", "--underlay-mtu", "1330", "--write",
                dir.resolve("parts").toString()).exitCode()).isZero();
    }

    @Test
    void aPartsNameThatIsALinkIsReplacedNotFollowed(@TempDir Path dir) throws IOException {
        Path parts = Files.createDirectories(dir.resolve("parts"));
        Path victim = Files.writeString(dir.resolve("victim"), "not a part\n");
        Files.createSymbolicLink(parts.resolve("lan.p1.topo"), victim);

        assertThat(netlab("partition", LAN, "--hosts", "2", "--write", parts.toString()).exitCode()).isZero();

        assertThat(Files.readString(victim)).isEqualTo("not a part\n");
        assertThat(Files.isSymbolicLink(parts.resolve("lan.p1.topo"))).isFalse();
        assertThat(Files.readString(parts.resolve("lan.p1.topo"))).startsWith("# Part 1 of 2 of lab lan");
    }

    @Test
    void aSplitThatCannotBeWrittenLeavesTheEarlierOneWhole(@TempDir Path dir) throws IOException {
        Path parts = dir.resolve("parts");
        assertThat(netlab("partition", LAN, "--hosts", "3", "--seed", "1", "--write", parts.toString()).exitCode())
                .isZero();
        String before = Files.readString(parts.resolve("lan.p0.topo"));
        Files.delete(parts.resolve("lan.p1.topo"));
        Files.createDirectory(parts.resolve("lan.p1.topo"));

        Run run = netlab("partition", LAN, "--hosts", "2", "--write", parts.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("--write " + parts + ": cannot write the parts (" + parts.resolve("lan.p1.topo")
                + ": a directory is in the way)");
        assertThat(Files.readString(parts.resolve("lan.p0.topo"))).isEqualTo(before);
        try (var files = Files.list(parts)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("lan.p0.topo", "lan.p1.topo", "lan.p2.topo");
        }
    }
}

package netlab.kube.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.cli.NetlabCommand;
import netlab.kube.LabParts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The kube module's split is the one {@code netlab partition --write} writes, file for file, refused alike. */
@EnableKubernetesMockClient(crud = true)
class PartitionSplitterTest {
    KubernetesMockServer server;

    /** Twelve nodes on one bridge of sw and in a ring: a split bridge and cut point-to-point links. */
    private static String lab() {
        StringBuilder text = new StringBuilder("lab ring\nnode sw\n  bridge hub\n");
        for (int n = 1; n <= 12; n++) {
            text.append("node n").append(n).append("\n  link hub0 to sw:hub address 10.5.0.").append(n).append("/24\n")
                    .append("  link right to n").append(n % 12 + 1).append(":left\n");
        }
        return text.toString();
    }

    @Test
    void thePartsAreTheFilesPartitionWritesLessTheirHeader(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ring.topo"), lab());
        Path written = dir.resolve("parts");
        CommandLine netlab = NetlabCommand.commandLine(new String[0]);
        netlab.setOut(new PrintWriter(new StringWriter()));
        int exit = netlab.execute("partition", file.toString(), "--hosts", "3", "--write", written.toString(),
                "--vni-base", "5000");
        assertThat(exit).isZero();

        LabParts parts = new PartitionSplitter().split(file, 3);

        assertThat(parts.lab()).isEqualTo("ring");
        assertThat(parts.parts()).isEqualTo(3);
        assertThat(parts.placeholders()).containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.3");
        List<String> rendered = parts.render(5000);
        assertThat(rendered).hasSize(3);
        TreeSet<Integer> vnis = new TreeSet<>();
        for (int p = 0; p < 3; p++) {
            String partitionWrote = Files.readString(written.resolve("ring.p" + p + ".topo"));
            assertThat(partitionWrote.lines().limit(3)).allMatch(line -> line.startsWith("# "));
            assertThat(rendered.get(p)).isEqualTo(partitionWrote.lines().skip(3).map(l -> l + "\n")
                    .reduce("", String::concat));
            Matcher vni = Pattern.compile(" vni (\\d+) ").matcher(rendered.get(p));
            while (vni.find()) {
                vnis.add(Integer.parseInt(vni.group(1)));
            }
        }
        // VNIs from the base, one per cut link or split bridge, none skipped.
        assertThat(vnis).isNotEmpty().hasSize(parts.vniCount());
        assertThat(vnis.first()).isEqualTo(5000);
        assertThat(vnis.last()).isEqualTo(5000 + parts.vniCount() - 1);
    }

    /**
     * The VNIs a lab claims cover every VNI its split uses, also when the split skips VNIs that
     * the lab's own tunnels over the machine hold: past the claim they would be another lab's.
     */
    @Test
    void theClaimedVnisCoverTheSplitsPastTheLabsOwn(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("own.topo"), """
                lab own
                node a
                  link e0 to b:e0 address 10.0.0.1/30
                  vxlan v0 vni 5000 remote 198.51.100.9 underlay host
                node b
                  address e0 10.0.0.2/30
                  link e1 to c:e0 address 10.0.1.1/30
                node c
                  address e0 10.0.1.2/30
                """);
        LabParts parts = new PartitionSplitter().split(file, 3);

        TreeSet<Integer> vnis = new TreeSet<>();
        for (String part : parts.render(5000)) {
            Matcher vni = Pattern.compile(" vni (\\d+) ").matcher(part);
            while (vni.find()) {
                vnis.add(Integer.parseInt(vni.group(1)));
            }
        }
        assertThat(vnis).as("the lab's own 5000 and the split's two cut links").containsExactly(5000, 5001, 5002);
        assertThat(vnis.last()).isLessThan(5000 + parts.vniCount());
    }

    /** netlab k8s with this splitter; the namespace comes from the mock's client, never asked of a cluster. */
    private KubeCli.Run k8s(String... args) {
        return KubeCli.run(new PartitionSplitter(), server::createClient, args);
    }

    @Test
    void aVniBaseTheSplitRefusesIsAUsageErrorWithPartitionsWords(@TempDir Path dir) {
        String lan = Path.of("../topologies/lan.topo").toString();
        for (String base : new String[] {"0", "-1", "16777216"}) {
            KubeCli.Run partition = KubeCli.run(KubeCli.FAKE, server::createClient, "partition", lan, "--hosts", "2",
                    "--vni-base", base, "--write", dir.resolve("parts").toString());
            KubeCli.Run run = k8s("k8s", lan, "--hosts", "2", "--vni-base", base);

            assertThat(run.exitCode()).as(base).isEqualTo(2);
            assertThat(partition.err()).as(base).startsWith("--write: the lab's 1 VNI from " + base + " does not fit");
            assertThat(run.err().lines().findFirst()).as(base)
                    .hasValue(partition.err().lines().findFirst().orElseThrow().replace("--write: ", "--vni-base: "));
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void vnisTheSplitCannotNumberPastTheLabsOwnAreAUsageError(@TempDir Path dir) throws Exception {
        // The split would skip the VNI a's own tunnel over the machine holds, and run out of 24 bits:
        // the span the lab needs (its cut link, and room for the skipped one) does not fit.
        Path file = Files.writeString(dir.resolve("own.topo"), "lab own\nnode a\n  link e0 to c:e0\n"
                + "  vxlan vx vni 16777215 remote 198.51.100.1 underlay host\nnode c\n");

        KubeCli.Run run = k8s("k8s", file.toString(), "--hosts", "2", "--vni-base", "16777215");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--vni-base: the lab's 2 VNIs from 16777215 do not fit in 1..16777215");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void moreMachinesThanTheLabFillsIsAUsageError() {
        KubeCli.Run run = KubeCli.run(new PartitionSplitter(), () -> {
            throw new AssertionError("no cluster needed");
        }, "k8s", Path.of("../topologies/lan.topo").toString(), "--hosts", "4", "--namespace", "labs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--hosts: lab lan fills only 3 of 4 machines (its nodes that can be apart), "
                + "so 1 would have nothing to build; ask for 3 or fewer\n");
        assertThat(run.out()).isEmpty();
    }
}

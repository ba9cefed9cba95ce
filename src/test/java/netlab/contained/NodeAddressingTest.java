package netlab.contained;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netlab.cli.ExitCodes;
import netlab.state.HeldLab;
import netlab.testing.Json;
import netlab.testing.KernelState;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.Shell;
import netlab.testing.StateDiff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the command line names a node when contained copies are up (docs/rootless.md, "Contained
 * labs for root"): {@code LAB:NODE} runs in that copy's node (its network namespace, its
 * addresses); a plain {@code NODE} that two copies have is refused with the line that says how
 * to name it, and reaches the one copy that has it otherwise; a lab that is not up, or a node its
 * lab does not have, is an error; a machine-wide lab keeps its plain and {@code LAB:NODE} names
 * next to copies; {@code show} shows a copy as it is in its namespaces; and a second
 * {@code up --name} of a copy that is up is refused and changes nothing.
 */
@KernelTest
class NodeAddressingTest {
    @TempDir
    Path directory;

    @AfterEach
    void removeLabsLeftUp() {
        Contained.removeLabsLeftUp();
    }

    @Test
    void twoCopiesNodesAreNamedByTheirLabAndTheirCommonNameIsRefused() throws Exception {
        Contained.upCopies("c0", "c1");

        Shell.Result plain = Contained.netlab("exec", "ns1", "true");
        Shell.Result c0 = Contained.netlab("exec", "c0:ns1", "readlink", "/proc/self/ns/net");
        Shell.Result c1 = Contained.netlab("exec", "c1:ns1", "readlink", "/proc/self/ns/net");
        Shell.Result addresses = Contained.netlab("exec", "c0:ns1", "ip", "-j", "addr");
        Shell.Result notUp = Contained.netlab("exec", "c9:ns1", "true");
        Shell.Result noNode = Contained.netlab("exec", "c0:nosuch", "true");

        assertFailed(plain, "netlab: node ns1 is in labs c0, c1: say which, as c0:ns1\n");
        assertThat(c0.stdout()).as(c0.stderr()).isEqualTo(Contained.namespaceOf("c0", "ns1") + "\n");
        assertThat(c1.stdout()).as(c1.stderr()).isEqualTo(Contained.namespaceOf("c1", "ns1") + "\n");
        assertThat(Contained.namespaceOf("c0", "ns1")).isNotEqualTo(Contained.namespaceOf("c1", "ns1"));
        JsonNode c0Addresses = Json.parse(Contained.inNode("c0", "ns1", "ip", "-j", "addr").stdout());
        assertThat(Json.parse(addresses.stdout())).as(addresses.stderr()).isEqualTo(c0Addresses)
                .isNotEqualTo(Json.parse(Contained.inNode("c1", "ns1", "ip", "-j", "addr").stdout()));
        assertFailed(notUp, "netlab: lab c9 is not up (see netlab ls)\n");
        assertFailed(noNode, "netlab: lab c0 has no node nosuch\n");

        downAllLeavesNothing("c0", "c1");
    }

    /** A machine-wide lab's node does not hide a copy's of the same name: both are named. */
    @Test
    void aPlainNameThatAMachineWideLabAndACopyHaveIsRefused() throws Exception {
        Contained.upCopies("c0");
        Run machineWide = Contained.inProcess("up", "../topologies/lan.topo");
        assertThat(machineWide.exitCode()).as(machineWide.err()).isZero();
        String lanNs1 = "net:[" + Files.getAttribute(Path.of("/run/netns/ns1"), "unix:ino") + "]\n";

        Shell.Result plain = Contained.netlab("exec", "ns1", "true");
        Shell.Result named = Contained.netlab("exec", "lan:ns1", "readlink", "/proc/self/ns/net");

        assertFailed(plain, "netlab: node ns1 is in labs lan, c0: say which, as lan:ns1\n");
        assertThat(named.stdout()).as(named.stderr()).isEqualTo(lanNs1);

        downAllLeavesNothing("c0", "lan");
    }

    @Test
    void aPlainNameReachesTheOneCopyThatHasItBesideAMachineWideLab() throws Exception {
        Contained.upCopies("c0");
        Run machineWide = Contained.inProcess("up", "../topologies/veth-pair.topo");
        assertThat(machineWide.exitCode()).as(machineWide.err()).isZero();
        String netnstest = "net:[" + Files.getAttribute(Path.of("/run/netns/netnstest"), "unix:ino") + "]\n";

        Shell.Result plainCopy = Contained.netlab("exec", "ns1", "readlink", "/proc/self/ns/net");
        Shell.Result plainMachine = Contained.netlab("exec", "netnstest", "readlink", "/proc/self/ns/net");
        Shell.Result namedMachine = Contained.netlab("exec", "veth-pair:netnstest", "readlink", "/proc/self/ns/net");
        Shell.Result machineHasNoNs1 = Contained.netlab("exec", "veth-pair:ns1", "true");
        Shell.Result copyHasNoNetnstest = Contained.netlab("exec", "c0:netnstest", "true");

        assertThat(plainCopy.stdout()).as(plainCopy.stderr()).isEqualTo(Contained.namespaceOf("c0", "ns1") + "\n");
        assertThat(plainMachine.stdout()).as(plainMachine.stderr()).isEqualTo(netnstest);
        assertThat(namedMachine.stdout()).as(namedMachine.stderr()).isEqualTo(netnstest);
        assertFailed(machineHasNoNs1, "netlab: lab veth-pair has no node ns1\n");
        assertFailed(copyHasNoNetnstest, "netlab: lab c0 has no node netnstest\n");

        downAllLeavesNothing("c0", "veth-pair");
    }

    @Test
    void showShowsACopyAsItsNamespacesHoldItAndASecondUpChangesNothing() throws Exception {
        Contained.upCopies("c0");

        Shell.Result json = Contained.netlab("show", "--json", "c0");
        Shell.Result text = Contained.netlab("show", "c0");

        assertThat(json.exitCode()).as(json.stderr()).isZero();
        JsonNode shown = Json.parse(json.stdout());
        assertThat(shown.path("lab").asText()).isEqualTo("c0");
        Map<String, Map<String, String>> interfaces = new LinkedHashMap<>();
        for (JsonNode node : shown.path("nodes")) {
            interfaces.put(node.path("name").asText(), interfaces(node.path("interfaces")));
        }
        Map<String, Map<String, String>> oracle = new LinkedHashMap<>();
        Map<String, String> host = interfaces(Json.of("nsenter", "-n", "-t", Contained.holder("c0"), "ip", "-j", "addr"));
        // The holder's namespace also has its own lo and slirp4netns's tap0, which are not the lab's.
        assertThat(host.keySet()).containsExactlyInAnyOrder("lo", "tap0", "br0", "ns1-eth0", "ns2-eth0");
        host.keySet().removeAll(List.of("lo", "tap0"));
        oracle.put("host", host);
        for (String node : List.of("ns1", "ns2")) {
            oracle.put(node, interfaces(Json.parse(Contained.inNode("c0", node, "ip", "-j", "addr").stdout())));
        }
        assertThat(interfaces).isEqualTo(oracle);
        assertThat(shown.path("nodes").path(0).path("nat").path(0).path("table").asText()).isEqualTo("netlab-c0");
        assertThat(text.exitCode()).as(text.stderr()).isZero();
        assertThat(text.stdout().lines().filter(line -> !line.isEmpty() && !line.startsWith(" ")).toList())
                .isEqualTo(List.of("lab c0", "host", "ns1", "ns2"));
        for (String node : oracle.keySet()) {
            for (var entry : oracle.get(node).entrySet()) {
                assertThat(text.stdout()).as("%s %s", node, entry.getKey())
                        .containsPattern("(?m)^  " + entry.getKey() + " .* " + entry.getValue().split(" ")[0] + " ");
            }
        }

        HeldLab held = Contained.held("c0");
        String inside = Files.readString(Path.of("/proc", Contained.holder("c0"), "root/run/netlab/c0/state"));
        SandboxProcesses processes = SandboxProcesses.take();
        KernelState before = Contained.sandboxState(directory.resolve("before"));
        List<Contained.Timed> again = Contained.concurrently(2, List.of(List.of("up", Contained.LAN, "--name", "c0"),
                List.of("up", "../topologies/veth-pair.topo", "--name", "c0")));
        for (Contained.Timed up : again) {
            assertFailed(up.result(), "netlab: lab c0 is already up; take it down first: netlab down c0\n");
        }
        assertThat(Contained.held("c0")).isEqualTo(held);
        assertThat(Files.readString(Path.of("/proc", Contained.holder("c0"), "root/run/netlab/c0/state"))).isEqualTo(inside);
        assertThat(SandboxProcesses.take()).isEqualTo(processes);
        assertThat(StateDiff.between(before, "before", Contained.sandboxState(directory.resolve("after")), "after"))
                .isEmpty();

        downAllLeavesNothing("c0");
    }


    /** Each lab taken down in this JVM; then no lab, no holder and no record is left. */
    private static void downAllLeavesNothing(String... labs) {
        for (String lab : labs) {
            Run down = Contained.inProcess("down", lab);
            assertThat(down.exitCode()).as(down.err()).isZero();
        }
        assertThat(Contained.inProcess("ls").out()).isEqualTo("no lab is up\n");
        assertThat(SandboxProcesses.take()).isEqualTo(SandboxProcesses.NONE);
        assertThat(Contained.tree(Path.of("/run/netlab"))).isEmpty();
    }

    private static void assertFailed(Shell.Result result, String stderr) {
        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).isEqualTo(stderr);
    }

    /** Interface name to "MAC ADDRESS/LEN ...", from show --json's interfaces or ip -j addr's, which share these fields. */
    private static Map<String, String> interfaces(JsonNode links) {
        Map<String, String> interfaces = new LinkedHashMap<>();
        for (JsonNode link : links) {
            StringBuilder fields = new StringBuilder(link.path("address").asText());
            for (JsonNode address : link.path("addr_info")) {
                if (!address.path("scope").asText().equals("link")) {
                    fields.append(' ').append(address.path("local").asText()).append('/').append(address.path("prefixlen").asInt());
                }
            }
            interfaces.put(link.path("ifname").asText(), fields.toString());
        }
        return interfaces;
    }
}

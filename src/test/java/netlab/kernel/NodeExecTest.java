package netlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.testing.KernelTest;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Programs run in a node see the node, as under ip netns exec, and return their own status. */
@KernelTest
class NodeExecTest {
    private static final String NODE = "exec-node";

    @BeforeAll
    static void createNode() throws Exception {
        NamedNamespaces.create(NODE).close();
        Shell.check("ip", "-n", NODE, "link", "add", "node-br", "type", "bridge");
        Files.createDirectories(Path.of("/etc/netns", NODE)); // /etc is the sandbox's private overlay
        Files.writeString(Path.of("/etc/netns", NODE, "hosts"), "10.9.8.7 only-in-the-node\n");
    }

    @AfterAll
    static void deleteNode() throws Exception {
        NamedNamespaces.delete(NODE);
        Files.delete(Path.of("/etc/netns", NODE, "hosts"));
        Files.delete(Path.of("/etc/netns", NODE));
    }

    /** Starts a JVM that exec's the command in the node, and returns what the command did. */
    private static Shell.Result execInNode(String... command) {
        List<String> java = NetlabRunner.javaCommand(ExecInPlaceMain.class, NODE);
        java.addAll(List.of(command));
        return Shell.run(java.toArray(String[]::new));
    }

    @Test
    void exitStatusIsTheProgramsOwn() {
        assertThat(execInNode("sh", "-c", "exit 7").exitCode()).isEqualTo(7);
        assertThat(execInNode("true").exitCode()).isZero();
    }

    @Test
    void sysClassNetShowsOnlyTheNodesInterfaces() {
        Shell.Result result = execInNode("ls", "/sys/class/net");

        assertThat(result.stdout().lines().toList()).containsExactlyInAnyOrder("lo", "node-br");
    }

    @Test
    void etcNetnsFilesAreWhatTheProgramReadsInEtc() {
        Shell.Result result = execInNode("cat", "/etc/hosts");

        assertThat(result.stdout()).isEqualTo("10.9.8.7 only-in-the-node\n");
        assertThat(Shell.check("cat", "/etc/hosts")).doesNotContain("only-in-the-node");
    }

    @Test
    void noJvmDescriptorAndNoBlockedSignalReachTheProgram() {
        // ls opens the directory it lists: 0, 1, 2 and that one descriptor are all there may be.
        Shell.Result fds = execInNode("ls", "/proc/self/fd");
        assertThat(fds.stdout().lines().toList()).containsExactly("0", "1", "2", "3");

        Shell.Result status = execInNode("grep", "SigBlk", "/proc/self/status");
        assertThat(status.stdout().strip()).isEqualTo("SigBlk:\t0000000000000000");
    }

    @Test
    void aChildRunInTheNodeSeesItsNetwork() {
        try (NetNamespace node = NamedNamespaces.open(NODE)) {
            NodeExec.Result result = NodeExec.run(node, List.of("ip", "-o", "link", "show"));

            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).contains("node-br").doesNotContain("smoke0");
        }
    }
}

package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.kernel.NetlinkTrace;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --trace-netlink} prints every message sent and received, decoded by the codec. */
@KernelTest
class TraceNetlinkTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = NetlabCommand.commandLine();
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @TempDir
    Path directory;

    @AfterEach
    void downAndQuiet() {
        NetlinkTrace.to(null);
        run("down", "-f", "lan");
        run("down", "-f", "star");
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
    }

    @Test
    void upPrintsTheRequestsAndTheKernelsAnswers() {
        assertThat(run("--trace-netlink", "up", "../topologies/lan.topo")).isZero();

        assertThat(err.toString())
                .contains("> sent on port", "< received on port")
                .contains("RTM_NEWLINK len=", "Name name=\"br0\"")
                .contains("RTM_NEWADDR len=", "NLMSG_ERROR len=", "error=0")
                .contains("NFT_MSG_NEWRULE len=");
    }

    /**
     * The kernel echoes each bridge and veth pair it makes (NLM_F_ECHO), with the new link's index
     * and its peer's: up finds every interface it made from those, where it used to list the
     * links of every namespace once (a dump per node). Until the addresses, the only listing is
     * the conflict check's, of the host; after them, up lists links to see that they are up.
     */
    @Test
    void upFindsTheLinksItMadeWithoutListingTheNodes() throws IOException {
        StringBuilder star = new StringBuilder("lab star\nhost\n  bridge br0 10.0.255.254/16\n");
        for (int i = 1; i <= 4; i++) {
            star.append("node h").append(i).append("\n  link eth0 to br0 address 10.0.0.").append(i).append("/16\n");
        }
        Path file = Files.writeString(directory.resolve("star.topo"), star);

        assertThat(run("--trace-netlink", "up", file.toString())).isZero();

        String trace = err.toString();
        String beforeAddresses = trace.substring(0, trace.indexOf("RTM_NEWADDR"));
        assertThat(beforeAddresses.split("RTM_GETLINK len=\\d+ flags=0x301", -1)).as("link dumps").hasSize(2);
        assertThat(trace.split("RTM_GETLINK len=\\d+ flags=0x301", -1)).as("and after, one per namespace at least")
                .hasSizeGreaterThanOrEqualTo(2 + 5);
    }

    @Test
    void withoutTheOptionNothingIsTraced() {
        assertThat(run("up", "../topologies/lan.topo")).isZero();

        assertThat(err.toString()).doesNotContain("> sent on port");
    }
}

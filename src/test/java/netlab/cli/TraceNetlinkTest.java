package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import netlab.kernel.NetlinkTrace;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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

    @AfterEach
    void downAndQuiet() {
        NetlinkTrace.to(null);
        run("down", "-f", "lan");
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

    @Test
    void withoutTheOptionNothingIsTraced() {
        assertThat(run("up", "../topologies/lan.topo")).isZero();

        assertThat(err.toString()).doesNotContain("> sent on port");
    }
}

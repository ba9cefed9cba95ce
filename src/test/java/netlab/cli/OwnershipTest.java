package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import netlab.state.LabGroups;
import netlab.testing.Json;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The lab's interfaces in the host carry its mark (a link group set at creation, and the alias
 * netlab:LAB); down removes what carries the mark, renamed or not, and nothing else.
 */
@KernelTest
class OwnershipTest {
    private static final String LAN = "../topologies/lan.topo";

    private static int netlab(String... args) {
        CommandLine command = NetlabCommand.commandLine();
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(new StringWriter(), true));
        return command.execute(args);
    }

    @AfterEach
    void nothingLeft() {
        netlab("down", "-f", "lan");
        Shell.run("ip", "link", "del", "user0");
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
        assertThat(Shell.check("ip", "-o", "link", "show")).doesNotContain("br0", "eth0", "user0", "renamed0");
    }

    @Test
    void hostInterfacesCarryTheLabsGroupAndAlias() {
        assertThat(netlab("up", LAN)).isZero();

        for (String name : new String[] {"br0", "ns1-eth0", "ns2-eth0"}) {
            JsonNode link = Json.of("ip", "-j", "-d", "link", "show", name).get(0);
            assertThat(link.get("group").asText()).as(name).isEqualTo(Integer.toUnsignedString(LabGroups.of("lan")));
            assertThat(link.get("ifalias").asText()).as(name).isEqualTo("netlab:lan");
        }
    }

    @Test
    void aRenamedLabInterfaceIsStillRemovedAndAUsersPortOnlyDetached() {
        assertThat(netlab("up", LAN)).isZero();
        Shell.check("ip", "link", "set", "ns1-eth0", "down");
        Shell.check("ip", "link", "set", "ns1-eth0", "name", "renamed0");
        Shell.check("ip", "link", "add", "user0", "master", "br0", "type", "veth", "peer", "name", "user1");

        assertThat(netlab("down", "lan")).isZero();

        assertThat(Shell.check("ip", "-o", "link", "show")).doesNotContain("renamed0", "br0");
        JsonNode user0 = Json.of("ip", "-j", "link", "show", "user0").get(0);
        assertThat(user0.has("master")).as("user0 is detached from the deleted bridge").isFalse();
        assertThat(user0.get("group").asText()).isEqualTo("default");
    }
}

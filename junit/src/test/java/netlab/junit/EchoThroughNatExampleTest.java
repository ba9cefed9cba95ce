package netlab.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import netlab.api.ExpectationResult;
import netlab.api.Lab;
import netlab.api.LabNode;
import org.junit.jupiter.api.Test;

/**
 * The example to copy (README, "In Java tests"): a TCP echo server inside the lab's "internet"
 * node, a client in netns_0 behind the host's masquerade (topologies/bridge-nat.topo), plain
 * java.net. The echo comes back, and the server saw the client as the host's uplink address,
 * 203.0.113.1: the lab's NAT translated it.
 */
@NetlabTopology("../topologies/bridge-nat.topo")
class EchoThroughNatExampleTest {
    @Test
    void theEchoComesBackAndTheServerSeesTheTranslatedSource(Lab lab, @Node("internet") LabNode internet,
            @Node("netns_0") LabNode client) throws Exception {
        InetAddress server = InetAddress.getByName("8.8.8.8"); // on internet's lo
        // Bound inside the node: the socket is the node's from now on, whichever thread uses it.
        ServerSocket listening = internet.run(() -> new ServerSocket(7007, 1, server));
        CompletableFuture<InetAddress> seen = CompletableFuture.supplyAsync(() -> {
            try (listening; Socket accepted = listening.accept()) {
                DataInputStream in = new DataInputStream(accepted.getInputStream());
                new DataOutputStream(accepted.getOutputStream()).writeUTF(in.readUTF());
                return accepted.getInetAddress();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        String echoed = client.run(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(server, 7007), 5000);
                new DataOutputStream(socket.getOutputStream()).writeUTF("hello through the lab");
                return new DataInputStream(socket.getInputStream()).readUTF();
            }
        });

        assertThat(echoed).isEqualTo("hello through the lab");
        assertThat(seen.get()).isEqualTo(InetAddress.getByName("203.0.113.1"));
        assertThat(client.address("ceth0")).isEqualTo(InetAddress.getByName("192.168.1.20"));
        assertThat(lab.name()).isEqualTo("bridge-nat");
        // The file's four expect statements, checked as netlab test checks them.
        assertThat(lab.test()).hasSize(4).allMatch(ExpectationResult::passed);
        assertThat(client.exec("ip", "-o", "-4", "addr", "show", "ceth0").stdout()).contains("192.168.1.20/24");
    }
}

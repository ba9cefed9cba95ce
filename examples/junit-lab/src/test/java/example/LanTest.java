package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import netlab.api.ExpectationResult;
import netlab.api.Lab;
import netlab.api.LabNode;
import netlab.junit.NetlabTopology;
import netlab.junit.Node;
import org.junit.jupiter.api.Test;

/** A line server in ns2 of netlab's lan, a client in ns1: what a developer's own test would look like. */
@NetlabTopology("../../topologies/lan.topo")
class LanTest {
    @Test
    void aLineGoesThroughTheBridgeAndComesBack(Lab lab, @Node("ns1") LabNode ns1, @Node("ns2") LabNode ns2) throws Exception {
        InetAddress address = ns2.address("eth0");
        ServerSocket server = ns2.run(() -> new ServerSocket(9000, 1, address));
        CompletableFuture<String> peer = CompletableFuture.supplyAsync(() -> {
            try (server; Socket accepted = server.accept()) {
                String line = new BufferedReader(new InputStreamReader(accepted.getInputStream(), StandardCharsets.UTF_8)).readLine();
                new PrintWriter(accepted.getOutputStream(), true, StandardCharsets.UTF_8).println(line.toUpperCase());
                return accepted.getInetAddress().getHostAddress();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        String answer = ns1.run(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address, 9000), 5000);
                new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8).println("hello");
                return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
            }
        });

        assertEquals("HELLO", answer);
        assertEquals("192.168.0.1", peer.get()); // same bridge: no NAT between the nodes
        assertTrue(lab.test().stream().allMatch(ExpectationResult::passed));
    }
}

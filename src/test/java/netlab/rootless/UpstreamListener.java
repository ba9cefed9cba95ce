package netlab.rootless;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import netlab.sys.Syscall;

/**
 * A TCP service at {@value RootlessSandbox#INTERNET} in the sandbox's emulated internet: a thread
 * of the test JVM moved into the namespace {@value RootlessSandbox#UPSTREAM}, where its socket is
 * made. To each connection it answers the first line it hears with
 * {@code heard LINE from ADDRESS}: whom the internet saw.
 */
final class UpstreamListener implements AutoCloseable {
    private final ServerSocket server;

    private UpstreamListener(ServerSocket server) {
        this.server = server;
    }

    static UpstreamListener start(int port) {
        CompletableFuture<ServerSocket> bound = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("upstream-listener").start(() -> {
            ServerSocket server;
            try {
                int namespace = Syscall.open("/run/netns/" + RootlessSandbox.UPSTREAM, Syscall.O_RDONLY | Syscall.O_CLOEXEC, 0);
                try {
                    Syscall.setns(namespace, Syscall.CLONE_NEWNET); // this thread only
                } finally {
                    Syscall.close(namespace);
                }
                server = new ServerSocket();
                server.bind(new InetSocketAddress(RootlessSandbox.INTERNET, port));
            } catch (IOException | RuntimeException e) {
                bound.completeExceptionally(e);
                return;
            }
            bound.complete(server);
            serve(server);
        });
        return new UpstreamListener(bound.join());
    }

    private static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket connection = server.accept()) {
                String line = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))
                        .readLine();
                connection.getOutputStream().write(("heard " + line + " from "
                        + connection.getInetAddress().getHostAddress() + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // Closed, or a client that went away: nothing to answer.
            }
        }
    }

    /** Connects from the test JVM's own namespace (the sandbox's), says {@code line}, returns the answer. */
    static String ask(int port, String line) {
        try (Socket socket = new Socket(RootlessSandbox.INTERNET, port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

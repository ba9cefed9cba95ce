package netlab.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import netlab.kernel.Kernel;
import netlab.kernel.NetNamespace;

/**
 * netlab's connection to the kernel, opened on another thread while the caller reads the
 * topology file: starting Netty (its native library, the event loop's thread) and the first
 * netlink socket take about as long as reading a file of a few hundred nodes, and the machine's
 * other core is idle meanwhile. Nothing is asked of the kernel here; the host's rtnetlink
 * channel is only opened, ready for the conflict check.
 */
final class KernelInBackground implements AutoCloseable {
    private final CompletableFuture<Kernel> opening = new CompletableFuture<>();

    private KernelInBackground() {}

    static KernelInBackground start() {
        KernelInBackground background = new KernelInBackground();
        Thread.ofPlatform().name("netlab-kernel-open").daemon(true).start(() -> {
            try {
                Kernel kernel = new Kernel();
                try (NetNamespace host = NetNamespace.host()) {
                    kernel.route(host);
                } catch (RuntimeException e) {
                    kernel.close();
                    throw e;
                }
                background.opening.complete(kernel);
            } catch (RuntimeException | Error e) {
                background.opening.completeExceptionally(e);
            }
        });
        return background;
    }

    /** The connection, once open; whatever stopped it from opening, as it was thrown. */
    Kernel kernel() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Closes the connection, whether or not the caller took it (closing twice is harmless). */
    @Override
    public void close() {
        opening.thenAccept(Kernel::close).exceptionally(ignored -> null).join();
    }
}

package netlab.kernel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import netlab.error.InterruptedWaitException;

/** Waiting for what the kernel (or a thread inside a namespace) answers. */
public final class Answers {
    private Answers() {}

    /**
     * The answer, or its failure as it was thrown (a KernelException stays one, not wrapped in
     * an ExecutionException).
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            throw new InterruptedWaitException("waiting for the kernel", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

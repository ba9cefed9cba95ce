package netlab.kernel;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import netlab.error.InterruptedWaitException;
import netlab.sys.Syscall;

/**
 * Runs a task on a fresh platform thread that has joined a network namespace. A thread's
 * namespace is a property of the kernel task behind it, so this never runs on a virtual thread
 * (which could move between carriers) and never on a pooled thread (which would keep the
 * namespace afterwards): the thread ends with the task, and the caller's thread never moves.
 */
public final class InNamespace {
    private InNamespace() {}

    /** Runs {@code task} inside the namespace that {@code namespaceFd} refers to. */
    public static <T> T call(int namespaceFd, String threadName, Callable<T> task) {
        return onNewThread(threadName, () -> {
            Syscall.setns(namespaceFd, Syscall.CLONE_NEWNET);
            return task.call();
        });
    }

    /** Runs {@code task} on a fresh platform thread and returns its result or rethrows its failure. */
    static <T> T onNewThread(String threadName, Callable<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = Thread.ofPlatform().name(threadName).daemon(true).start(() -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new InterruptedWaitException("working in a namespace", e);
        }
        return Answers.await(result);
    }
}

package netlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import netlab.sys.Errno;

/**
 * What a written nf_tables batch came to, decided once the sentinel after it is answered: the
 * kernel answers the writes of one socket in order, so whatever is unanswered by then never will be.
 */
final class TransactionOutcome {
    private TransactionOutcome() {}

    /**
     * {@code tracked}: the batch's messages that asked for an ACK; {@code markers}: those that did
     * not (begin, end); {@code sentinel}: the request after the batch, answered now.
     */
    static void settle(List<PendingRequest> tracked, List<PendingRequest> markers, PendingRequest sentinel,
            Unanswered pending, CompletableFuture<Void> done) {
        for (PendingRequest request : tracked) {
            if (!request.answer().isDone()) {
                request.fail(new KernelException(request.request().description(), Errno.ECANCELED.value(),
                        "not applied: the transaction was aborted"));
                pending.removeAll(List.of(request));
            }
        }
        // A marker asks for no ACK, so silence is its success; but the kernel does answer a
        // marker it refuses, and then aborts the whole batch while still ACKing the messages
        // inside it (seen with an end marker the kernel did not take).
        for (PendingRequest marker : markers) {
            marker.answer().complete(List.of());
            pending.removeAll(List.of(marker));
        }
        List<PendingRequest> all = new ArrayList<>(tracked);
        all.addAll(markers);
        all.add(sentinel);
        CompletableFuture.allOf(all.stream().map(PendingRequest::answer).toArray(CompletableFuture[]::new))
                .whenComplete((ignored, error) -> {
                    if (error == null) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(error instanceof CompletionException ? error.getCause() : error);
                    }
                });
    }
}

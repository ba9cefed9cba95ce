package netlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import netlab.netlink.DonePayload;
import netlab.netlink.ErrorPayload;
import netlab.netlink.NlMessage;
import netlab.netlink.NlmFlags;

/**
 * The answer to one request, collected as its messages arrive: a dump ends with NLMSG_DONE, any
 * other request with its ACK (an NLMSG_ERROR of 0) or its error.
 */
final class PendingRequest {
    /*
     * What an answer may take of the socket's receive buffer: the kernel counts each reply's
     * whole buffer, not its message. An ACK takes under 1 KiB; an echo is a whole object (an
     * RTM_NEWLINK: ~1.5 KB of message in a 4 KiB buffer); a dump is sent a buffer of up to
     * 32 KiB at a time, while there is room.
     */
    static final int ACK_BYTES = 1024;
    static final int ECHO_BYTES = 8 * 1024;
    static final int DUMP_BYTES = 64 * 1024;

    private final NetlinkRequest request;
    private final CompletableFuture<List<NlMessage>> answer = new CompletableFuture<>();
    private final List<NlMessage> replies = new ArrayList<>();
    private boolean interrupted;

    PendingRequest(NetlinkRequest request) {
        this.request = request;
    }

    NetlinkRequest request() {
        return request;
    }

    /** The room the kernel's answer may take in the receive buffer, at most. */
    int replyBytes() {
        if (request.isDump()) {
            return DUMP_BYTES;
        }
        return request.message().hasFlags(NlmFlags.NLM_F_ECHO) ? ECHO_BYTES : ACK_BYTES;
    }

    CompletableFuture<List<NlMessage>> answer() {
        return answer;
    }

    /** Returns true when {@code message} ends the answer. */
    boolean accept(NlMessage message) {
        switch (message.payload()) {
            case ErrorPayload error when error.isAck() -> answer.complete(List.copyOf(replies));
            case ErrorPayload error -> answer.completeExceptionally(KernelException.of(request.description(), error));
            case DonePayload done when done.error() != 0 ->
                    answer.completeExceptionally(new KernelException(request.description(), -done.error(), null));
            case DonePayload done when interrupted -> answer.completeExceptionally(new DumpInterruptedException());
            case DonePayload done -> answer.complete(List.copyOf(replies));
            default -> {
                // NLM_F_DUMP_INTR: the kernel's tables changed while it dumped; the dump is inconsistent.
                interrupted |= message.hasFlags(NlmFlags.NLM_F_DUMP_INTR);
                replies.add(message);
                return false;
            }
        }
        return true;
    }

    void fail(Throwable cause) {
        answer.completeExceptionally(cause);
    }

    /** Signals that a dump must be started again; the channel retries it. */
    static final class DumpInterruptedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DumpInterruptedException() {
            super("dump interrupted by a concurrent change (NLM_F_DUMP_INTR)", null, false, false);
        }
    }
}

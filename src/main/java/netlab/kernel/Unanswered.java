package netlab.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requests a channel sent that the kernel has not answered yet, by sequence number, with
 * the room their answers may take in the socket's receive buffer: what the channel keeps below
 * the buffer's size, so that no answer is ever dropped (ENOBUFS).
 */
final class Unanswered {
    private final Map<Integer, PendingRequest> bySequence = new HashMap<>();
    private long replyBytes;

    void put(int sequence, PendingRequest request) {
        PendingRequest replaced = bySequence.put(sequence, request);
        if (replaced != null) {
            replyBytes -= replaced.replyBytes();
        }
        replyBytes += request.replyBytes();
    }

    PendingRequest get(int sequence) {
        return bySequence.get(sequence);
    }

    void remove(int sequence) {
        PendingRequest removed = bySequence.remove(sequence);
        if (removed != null) {
            replyBytes -= removed.replyBytes();
        }
    }

    void removeAll(Collection<PendingRequest> requests) {
        Set<PendingRequest> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(requests);
        bySequence.values().removeIf(request -> {
            if (gone.contains(request)) {
                replyBytes -= request.replyBytes();
                return true;
            }
            return false;
        });
    }

    /** Forgets every request and returns them. */
    List<PendingRequest> clear() {
        List<PendingRequest> all = new ArrayList<>(bySequence.values());
        bySequence.clear();
        replyBytes = 0;
        return all;
    }

    boolean isEmpty() {
        return bySequence.isEmpty();
    }

    /** The room the answers to all of them may take. */
    long replyBytes() {
        return replyBytes;
    }
}

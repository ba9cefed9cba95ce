package netlab.executor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import netlab.state.LabRecord;
import netlab.state.LabState;
import netlab.state.StateStore;

/**
 * Which other lab made a name that {@code up} finds taken, read from the labs' records: a
 * namespace or host interface of another netlab lab is said to be that lab's, with the command
 * that frees it, instead of only "does not belong to" (two exercises that both have an {@code h1}).
 */
final class NameOwners {
    private final Map<String, String> namespaces = new HashMap<>();
    private final Map<String, String> hostLinks = new HashMap<>();

    private NameOwners(StateStore store, String lab) {
        for (LabRecord record : store.list()) {
            if (record instanceof LabRecord.Readable(LabState state) && !state.lab().equals(lab)) {
                state.namespaces().forEach(n -> namespaces.putIfAbsent(n.name(), state.lab()));
                state.hostLinks().forEach(l -> hostLinks.putIfAbsent(l, state.lab()));
            }
        }
    }

    /** The owners as the other labs' records say, for lab {@code lab}'s conflicts. */
    static NameOwners read(StateStore store, String lab) {
        return new NameOwners(store, lab);
    }

    /** How a conflict with a taken namespace ends: whose it is, when netlab knows. */
    String namespace(String name, String lab) {
        return owned(Optional.ofNullable(namespaces.get(name)), lab);
    }

    /** The same for an interface in the host namespace. */
    String hostLink(String name, String lab) {
        return owned(Optional.ofNullable(hostLinks.get(name)), lab);
    }

    private static String owned(Optional<String> owner, String lab) {
        return owner.map(other -> "belongs to lab " + other + " (netlab down " + other + " frees it)")
                .orElse("does not belong to lab " + lab);
    }
}

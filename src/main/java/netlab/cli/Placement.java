package netlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.error.LabStateException;
import netlab.executor.held.HeldLabs;
import netlab.kernel.NamedNamespaces;
import netlab.state.HeldLab;
import netlab.state.LabRecord;
import netlab.state.LabState;
import netlab.state.StateStore;
import picocli.CommandLine;

/**
 * Where a command's lab lives (docs/rootless.md): in the machine's namespaces, or in a holder's,
 * the namespaces of its own that an ordinary user's labs and root's {@code up --name} copies get.
 * A command about a held lab is run again inside its holder, where the lab is like any other.
 */
final class Placement {
    private Placement() {}

    /** True in the netlab run inside a holder: there it works as on a machine of its own. */
    static boolean inside() {
        return System.getenv("NETLAB_INSIDE") != null;
    }

    /**
     * Whether this user's labs are held: an ordinary user's always (their labs need no root).
     * Root without the capabilities is still root, told to get them.
     */
    static boolean rootless() {
        return !inside() && Privileges.uid() != 0;
    }

    /** The held lab of that name, if the lab is one. */
    static Optional<HeldLab> held(StateStore store, String lab) {
        if (inside()) {
            return Optional.empty();
        }
        return store.record(lab).filter(LabRecord.Held.class::isInstance).map(r -> ((LabRecord.Held) r).held());
    }

    /**
     * For the verbs that read a lab ({@code show}, {@code test LAB}, {@code pingall}): a held lab's
     * command runs inside its holder, with the same words (the inner lab has the same name).
     * Returns only when the lab is not held.
     */
    static void forwardIfHeld(CommandLine command, StateStore store, String lab) {
        Optional<HeldLab> held = held(store, lab);
        if (held.isPresent()) {
            CommandLine root = command;
            while (root.getParent() != null) {
                root = root.getParent();
            }
            HeldLabs.enter(held.get(), root.getParseResult().originalArgs());
        }
    }

    /** A node named on the command line: {@code LAB:NODE}, or {@code NODE} when one lab has it. */
    record NodeAddress(HeldLab held, String node) {}

    static NodeAddress node(String argument) {
        int colon = argument.indexOf(':');
        if (colon >= 0) {
            return labNode(Labs.nameOf(argument.substring(0, colon)), argument.substring(colon + 1));
        }
        StateStore store = Labs.store();
        List<String> having = new ArrayList<>();
        HeldLab only = null;
        for (HeldLab held : store.heldLabs()) {
            if (hasNode(held, argument)) {
                having.add(held.lab());
                only = held;
            }
        }
        if (having.isEmpty()) {
            return new NodeAddress(null, argument);
        }
        boolean onTheMachine = !rootless() && NamedNamespaces.exists(argument);
        if (onTheMachine) {
            having.addFirst(machineLabWith(store, argument));
        }
        if (having.size() > 1) {
            throw new LabStateException("node " + argument + " is in labs " + String.join(", ", having)
                    + ": say which, as " + having.getFirst() + ":" + argument);
        }
        return new NodeAddress(only, argument);
    }

    /** The machine-wide lab whose node the namespace is, for the message that lists them. */
    private static String machineLabWith(StateStore store, String node) {
        for (LabRecord record : store.list()) {
            if (record instanceof LabRecord.Readable(LabState state) && hasNode(state, node)) {
                return state.lab();
            }
        }
        return "(the machine's own namespace " + node + ")";
    }

    private static NodeAddress labNode(String lab, String node) {
        LabRecord record = Labs.store().record(lab)
                .orElseThrow(() -> new LabStateException("lab " + lab + " is not up (see netlab ls)"));
        return switch (record) {
            case LabRecord.Held(HeldLab held) when HeldLabs.inside(held).isPresent() && !hasNode(held, node) ->
                    throw new LabStateException("lab " + lab + " has no node " + node);
            case LabRecord.Held(HeldLab held) -> new NodeAddress(held, node);
            case LabRecord.Readable(LabState state) when hasNode(state, node) -> new NodeAddress(null, node);
            case LabRecord.Readable readable -> throw new LabStateException("lab " + lab + " has no node " + node);
            case LabRecord.Unreadable unreadable -> throw new LabStateException(Labs.store().refusal(unreadable));
        };
    }

    private static boolean hasNode(HeldLab held, String node) {
        return HeldLabs.inside(held).filter(LabRecord.Readable.class::isInstance)
                .map(r -> hasNode(((LabRecord.Readable) r).state(), node)).orElse(false);
    }

    private static boolean hasNode(LabState state, String node) {
        return state.namespaces().stream().anyMatch(n -> n.name().equals(node));
    }
}

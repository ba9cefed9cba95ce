package netlab.cli;

import java.util.ArrayList;
import java.util.List;
import netlab.state.LabRecord;
import netlab.state.LabState;
import netlab.topology.dsl.Suggestions;

/**
 * What {@code exec} says about a node that is not up: the nodes that are (of the labs on this
 * machine, or in this holder), and the nearest name, so a typo is seen at once.
 */
final class UnknownNode {
    /** A lab of a thousand nodes would bury the message: the first ones show, then a count. */
    private static final int LISTED = 10;

    private UnknownNode() {}

    static String message(String node) {
        List<String> up = new ArrayList<>();
        for (LabRecord record : Labs.store().list()) {
            if (record instanceof LabRecord.Readable(LabState state)) {
                state.namespaces().forEach(namespace -> up.add(namespace.name()));
            }
        }
        if (up.isEmpty()) {
            return "no node " + node + " is up (see netlab ls)";
        }
        String listed = String.join(", ", up.subList(0, Math.min(LISTED, up.size())))
                + (up.size() > LISTED ? " and " + (up.size() - LISTED) + " more" : "");
        return "no node " + node + " is up" + Suggestions.didYouMean(node, up) + "; the nodes up are " + listed;
    }
}

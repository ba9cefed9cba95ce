package netlab.cli;

import netlab.error.FailureKind;
import netlab.error.NetlabException;
import netlab.topology.Lab;

/**
 * TEMPORARY (issue 18): the language and the planner know {@code impair}, but its step classes
 * are not written yet, so {@code up}, {@code up --dry-run}, {@code plan} and {@code test FILE}
 * refuse a lab with impair lines before they do anything, while {@code check} accepts it. Goes,
 * with its calls, when the steps come.
 */
final class ImpairNotBuilt {
    private ImpairNotBuilt() {}

    static void refuse(Lab lab) {
        lab.nodes().stream().flatMap(node -> node.impairments().stream()).findFirst().ifPresent(first -> {
            throw new NotBuilt(first.source() + ": impair is not built yet (issue 18): check accepts it, but netlab "
                    + "cannot make it; leave the impair lines out to bring the lab up");
        });
    }

    /** Exit 5, as for a tool netlab lacks: nothing in the file is wrong, netlab cannot do it here. */
    private static final class NotBuilt extends NetlabException {
        private static final long serialVersionUID = 1L;

        NotBuilt(String message) {
            super(message);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.NOT_PERMITTED;
        }
    }
}

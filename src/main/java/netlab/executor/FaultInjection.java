package netlab.executor;

import java.util.List;
import netlab.error.FailureKind;
import netlab.error.NetlabException;
import netlab.executor.step.Step;

/**
 * A test hook: with the system property {@code netlab.test.failBeforeStep=K} (or the variable
 * NETLAB_TEST_FAIL_BEFORE_STEP), {@code up} fails just before step K of its plan (0-based), after
 * making steps 0..K-1, so tests can prove that a failure at any step leaves nothing behind.
 * Users never set it; without it this costs one lookup per group of steps.
 */
final class FaultInjection {
    private static final String PROPERTY = "netlab.test.failBeforeStep";
    private static final String VARIABLE = "NETLAB_TEST_FAIL_BEFORE_STEP";

    private FaultInjection() {}

    /** Called before a group of steps whose first has index {@code done}. */
    static void beforeSteps(int done, List<Step> group) {
        String setting = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        if (setting == null) {
            return;
        }
        int failAt = Integer.parseInt(setting.strip());
        if (failAt >= done && failAt < done + group.size()) {
            Step step = group.get(failAt - done);
            // The steps before K in this group must happen first: cut the group there.
            List<Step> before = group.subList(0, failAt - done);
            throw new InjectedFailure(step, before);
        }
    }

    /** Carries the steps of the group that still run before the failure. */
    static final class InjectedFailure extends NetlabException {
        private static final long serialVersionUID = 1L;
        final transient Step step;
        final transient List<Step> before;

        InjectedFailure(Step step, List<Step> before) {
            super("injected failure before step: " + step.command(), false);
            this.step = step;
            this.before = List.copyOf(before);
        }

        /** It stands in for the kernel refusing the step. */
        @Override
        public FailureKind kind() {
            return FailureKind.KERNEL;
        }
    }
}

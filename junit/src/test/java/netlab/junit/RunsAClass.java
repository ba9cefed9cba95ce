package netlab.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A JVM that runs one test class through the JUnit launcher and prints what happened: each
 * failure's message, then one line of counts (WithoutRootTest reads both). Exits 0 when every
 * test ran and passed.
 */
public final class RunsAClass {
    private RunsAClass() {}

    public static void main(String[] args) throws ClassNotFoundException {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Class.forName(args[0]))).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        summary.getFailures().forEach(failure -> System.out.println("failure: " + failure.getException().getMessage()));
        System.out.printf("succeeded %d failed %d skipped %d containers-failed %d%n", summary.getTestsSucceededCount(),
                summary.getTestsFailedCount(), summary.getTestsSkippedCount(), summary.getContainersFailedCount());
        System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0 ? 0 : 1);
    }
}

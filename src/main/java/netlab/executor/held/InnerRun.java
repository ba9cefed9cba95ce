package netlab.executor.held;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Runs the inner netlab as a child and waits for it, sharing the terminal; signals meanwhile are
 * {@link Interrupts}'. This process waits for the inner one to finish its work, so that what
 * follows (taking a holder down when no lab is left in it) sees the end state.
 */
final class InnerRun {
    private InnerRun() {}

    static int await(List<String> command, Map<String, String> environment, Interrupts interrupts) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst(), e);
        }
        interrupts.running(process);
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // Keep waiting: the inner netlab is finishing its work.
            }
        }
    }
}

package netlab.executor.held;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Runs the inner netlab as a child and waits for it, sharing the terminal. A Ctrl-C reaches both
 * (one process group); SIGINT or SIGTERM sent to this process alone is passed on. Either way this
 * process waits for the inner one to finish its work, so that what follows (taking a holder down
 * when no lab is left in it) sees the end state.
 */
final class InnerRun {
    private InnerRun() {}

    static int await(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst(), e);
        }
        Signal interrupt = new Signal("INT");
        Signal terminate = new Signal("TERM");
        SignalHandler previousInterrupt = Signal.handle(interrupt, signal -> { });
        SignalHandler previousTerminate = Signal.handle(terminate, signal -> process.destroy());
        try {
            while (true) {
                try {
                    return process.waitFor();
                } catch (InterruptedException e) {
                    // Keep waiting: the inner netlab is finishing its work.
                }
            }
        } finally {
            Signal.handle(interrupt, previousInterrupt);
            Signal.handle(terminate, previousTerminate);
        }
    }
}

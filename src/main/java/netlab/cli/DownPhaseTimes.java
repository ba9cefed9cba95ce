package netlab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import netlab.executor.TeardownProgress;

/**
 * {@code netlab -v down}: how long each phase of the down took, one line each as {@code -v up}
 * prints its groups. The progress line goes on as without {@code -v}; the lines are kept until
 * the down is over and the progress line erased, so that no frame overwrites them.
 */
final class DownPhaseTimes implements TeardownProgress {
    private final TeardownProgress progress;
    private final List<String> lines = new ArrayList<>();
    private String phase;
    private long phaseStart;

    DownPhaseTimes(TeardownProgress progress) {
        this.progress = progress;
    }

    @Override
    public void starting(int things) {
        progress.starting(things);
    }

    @Override
    public void phase(String what) {
        endPhase();
        phase = what;
        phaseStart = System.nanoTime();
        progress.phase(what);
    }

    @Override
    public void removed(int things) {
        progress.removed(things);
    }

    /** The phases' lines, the last one ended now: the down is over. */
    void print(PrintWriter err) {
        endPhase();
        lines.forEach(err::println);
    }

    private void endPhase() {
        if (phase != null) {
            lines.add(String.format("%6d ms  %s", (System.nanoTime() - phaseStart) / 1_000_000, phase));
            phase = null;
        }
    }
}

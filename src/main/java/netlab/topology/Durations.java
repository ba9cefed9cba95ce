package netlab.topology;

import java.time.Duration;

/** Durations as the language writes them: {@code 300ms}, {@code 2s}. */
public final class Durations {
    private Durations() {}

    /** Whole seconds as {@code Ns}, anything else as milliseconds {@code Nms}. */
    public static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}

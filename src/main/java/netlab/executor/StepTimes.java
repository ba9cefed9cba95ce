package netlab.executor;

import java.time.Duration;

/**
 * Where the time of an {@code up} went, group by group of steps ({@code netlab up -v} prints it):
 * on a big lab, what an engineer wants to know first about a slow run. On a terminal, the
 * progress line follows the groups as they start.
 */
@FunctionalInterface
public interface StepTimes {
    StepTimes NONE = (what, steps, took) -> { };

    /** The up is about to run {@code steps} steps in all (a progress line's total). */
    default void starting(int steps) { }

    /** A group of {@code steps} steps of one kind ({@code what}: the first step's command) starts. */
    default void group(String what, int steps) { }

    /** {@code steps} steps of one kind ({@code what}: the first step's command) took {@code took}. */
    void took(String what, int steps, Duration took);
}

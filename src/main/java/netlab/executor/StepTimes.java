package netlab.executor;

import java.time.Duration;

/**
 * Where the time of an {@code up} went, group by group of steps ({@code netlab up -v} prints it):
 * on a big lab, what an engineer wants to know first about a slow run.
 */
@FunctionalInterface
public interface StepTimes {
    StepTimes NONE = (what, steps, took) -> { };

    /** {@code steps} steps of one kind ({@code what}: the first step's command) took {@code took}. */
    void took(String what, int steps, Duration took);
}

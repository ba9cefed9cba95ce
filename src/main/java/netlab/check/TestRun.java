package netlab.check;

import java.time.Duration;
import java.util.List;

/**
 * The verdicts of one {@code netlab test} of a lab, as every report prints them.
 *
 * @param lab the lab's name
 * @param verdicts one per expectation, in the order of the files
 * @param took how long the checks took (not bringing the lab up or down)
 */
public record TestRun(String lab, List<Verdict> verdicts, Duration took) {
    public TestRun {
        verdicts = List.copyOf(verdicts);
    }

    public long failed() {
        return verdicts.stream().filter(v -> !v.passed()).count();
    }

    public long passed() {
        return verdicts.size() - failed();
    }
}

package netlab.cli;

import java.util.Locale;
import netlab.check.TestRun;
import netlab.check.Verdict;
import netlab.topology.Source;

/**
 * {@code netlab test}'s report for people: a line per expectation (pass or FAIL, where it was
 * written, the statement, what was seen), then a summary line.
 */
final class TestReportText {
    private TestReportText() {}

    /** The report, its pass and FAIL marks in {@code colour}'s green and red. */
    static String of(TestRun run, Colour colour) {
        int where = run.verdicts().stream().mapToInt(v -> location(v.expectation().source()).length()).max().orElse(0);
        int what = run.verdicts().stream().mapToInt(v -> v.expectation().text().length()).max().orElse(0);
        StringBuilder text = new StringBuilder();
        for (Verdict verdict : run.verdicts()) {
            text.append(verdict.passed() ? colour.green("pass") : colour.red("FAIL")).append("  ")
                    .append(pad(location(verdict.expectation().source()), where)).append("  ")
                    .append(pad(verdict.expectation().text(), what)).append("  ")
                    .append(verdict.seen()).append('\n');
        }
        text.append("lab ").append(run.lab()).append(": ").append(run.passed()).append(" of ")
                .append(run.verdicts().size()).append(" expectations passed");
        if (run.failed() > 0) {
            text.append(", ").append(run.failed()).append(" failed");
        }
        text.append(String.format(Locale.ROOT, " (%.2f s)%n", run.took().toMillis() / 1000.0));
        return text.toString();
    }

    /**
     * FILE:LINE, which is what people look up (the column is in JSON and JUnit); a control
     * character in the file's name shows as ?, so a report line stays one line.
     */
    static String location(Source source) {
        return source.file().replaceAll("\\p{Cntrl}", "?") + ":" + source.line();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}

package netlab.topology.dsl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import netlab.topology.Source;

/**
 * Collects the problems of one file. Parsing and resolving go on after a problem so that one
 * run reports them all; a file with more than {@link #LIMIT} stops there (a binary file fed by
 * mistake would otherwise print a problem per byte).
 */
final class Problems {
    static final int LIMIT = 100;

    private final String file;
    private final List<String> lines;
    private final List<Diagnostic> found = new ArrayList<>();

    Problems(String file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    String file() {
        return file;
    }

    /** The file's lines, for a hint that reads what else the file says. */
    List<String> lines() {
        return lines;
    }

    void add(Source source, String message) {
        int line = source.line();
        String text = line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
        found.add(new Diagnostic(source, message, text));
        if (found.size() >= LIMIT) {
            List<Diagnostic> sorted = sorted();
            sorted.add(new Diagnostic(source, "too many problems; stopped after " + LIMIT, text));
            throw new TopologyException(sorted);
        }
    }

    void add(Word word, String message) {
        add(word.source(), message);
    }

    boolean any() {
        return !found.isEmpty();
    }

    void throwIfAny() {
        if (any()) {
            throw new TopologyException(sorted());
        }
    }

    /** File order; problems at one place keep the order they were found in. */
    private List<Diagnostic> sorted() {
        List<Diagnostic> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt((Diagnostic d) -> d.source().line())
                .thenComparingInt(d -> d.source().column()));
        return sorted;
    }
}

package netlab.topology.dsl;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a topology file, in file order; the message renders them all. */
public final class TopologyException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public TopologyException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n")), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** {@code FILE:LINE:COL: message} per problem, without the quoted lines (handy in tests and logs). */
    public List<String> summaries() {
        return diagnostics.stream().map(Diagnostic::toString).toList();
    }
}

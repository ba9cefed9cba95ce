package netlab.topology.dsl;

import java.util.List;
import java.util.stream.Collectors;
import netlab.error.FailureKind;
import netlab.error.NetlabException;

/** Every problem found in a topology file, in file order; the message renders them all. */
public final class TopologyException extends NetlabException {
    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public TopologyException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n")), false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.TOPOLOGY_FILE;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** {@code FILE:LINE:COL: message} per problem, without the quoted lines (handy in tests and logs). */
    public List<String> summaries() {
        return diagnostics.stream().map(Diagnostic::toString).toList();
    }
}

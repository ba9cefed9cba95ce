package netlab.cli;

import netlab.error.FailureKind;
import netlab.error.NetlabException;

/** A peers file ({@code up --hold --peers}) that cannot be read: an input file's problem, like a topology file's. */
final class PeersFileException extends NetlabException {
    private static final long serialVersionUID = 1L;

    PeersFileException(String message) {
        super(message, false);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.TOPOLOGY_FILE;
    }
}

package netlab.topology.warnings;

import netlab.topology.Source;

/** One warning, where the statement it is about was written. */
public record Warning(Source source, String message) {
    /** {@code FILE:LINE:COL: warning: MESSAGE}, the form compilers use, so editors can jump to it. */
    @Override
    public String toString() {
        return source + ": warning: " + message;
    }
}

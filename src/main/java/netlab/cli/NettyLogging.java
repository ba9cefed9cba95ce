package netlab.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Netty logs through java.util.logging and warns, with a stack trace, when it finds no loopback
 * interface (a fresh namespace): noise to a user, and nothing netlab relies on. Quieted by the
 * verbs that reach the kernel through Netty, just before they do, so that the others do not pay
 * for starting java.util.logging.
 */
final class NettyLogging {
    /** Kept in a field because the logging framework holds loggers weakly. */
    private static Logger netty;

    private NettyLogging() {}

    static synchronized void quiet() {
        if (netty == null) {
            netty = Logger.getLogger("io.netty");
            netty.setLevel(Level.SEVERE);
        }
    }
}

package netlab.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.error.PermissionException;

/**
 * Checks, before anything is changed, that netlab may do its work: creating namespaces and
 * interfaces needs CAP_NET_ADMIN, mounting them under /run/netns needs CAP_SYS_ADMIN.
 */
final class Privileges {
    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_SYS_ADMIN = 21;

    private Privileges() {}

    static void requireAdmin() {
        BigInteger effective = effectiveCapabilities();
        if (!effective.testBit(CAP_NET_ADMIN) || !effective.testBit(CAP_SYS_ADMIN)) {
            throw new PermissionException("netlab needs root to work with labs (CAP_NET_ADMIN and CAP_SYS_ADMIN): "
                    + "run it with sudo");
        }
    }

    private static BigInteger effectiveCapabilities() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    return new BigInteger(line.substring("CapEff:".length()).strip(), 16);
                }
            }
        } catch (IOException e) {
            // No /proc: assume nothing and let the kernel decide.
            return BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        }
        return BigInteger.ZERO;
    }
}

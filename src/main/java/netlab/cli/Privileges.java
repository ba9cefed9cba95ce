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
        if (!isAdmin()) {
            throw new PermissionException("netlab needs root to work with labs (CAP_NET_ADMIN and CAP_SYS_ADMIN): "
                    + "run it with sudo");
        }
    }

    /**
     * Whether netlab may make labs in the machine's namespaces; an ordinary user's labs live in
     * namespaces of their own (docs/rootless.md).
     */
    static boolean isAdmin() {
        BigInteger effective = effectiveCapabilities();
        return effective.testBit(CAP_NET_ADMIN) && effective.testBit(CAP_SYS_ADMIN);
    }

    /** The real user id, as /proc/self/status gives it (the JDK has no call for it). */
    static int uid() {
        if (uid < 0) {
            uid = readUid();
        }
        return uid;
    }

    private static int uid = -1;

    private static int readUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring("Uid:".length()).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Below.
        }
        throw new IllegalStateException("cannot read this process's user id from /proc/self/status");
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

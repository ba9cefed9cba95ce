package netlab.sys;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What /proc/self/status says of this process: its user and group ids and its effective
 * capabilities, which the JDK has no call for. Read anew on each call (cheap; a process's
 * credentials can change).
 */
public final class ProcessStatus {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_SYS_ADMIN = 21;

    private ProcessStatus() {}

    /** The real user id. */
    public static int uid() {
        long uid = idField("Uid:", 0);
        if (uid < 0) {
            throw new IllegalStateException("cannot read this process's user id from /proc/self/status");
        }
        return (int) uid;
    }

    /** The effective group id, or -1 when it cannot be read. */
    public static long effectiveGid() {
        return idField("Gid:", 1);
    }

    /**
     * Whether this process may make namespaces and interfaces (CAP_NET_ADMIN) and mount them
     * under /run/netns (CAP_SYS_ADMIN) in the user namespace it is in: root, or the mapped root
     * of a user-namespace sandbox. Without /proc, true: the kernel will decide.
     */
    public static boolean mayAdministerNetworks() {
        BigInteger effective = effectiveCapabilities();
        return effective.testBit(CAP_NET_ADMIN) && effective.testBit(CAP_SYS_ADMIN);
    }

    private static BigInteger effectiveCapabilities() {
        try {
            String value = field(Files.readAllLines(STATUS), "CapEff:");
            return value == null ? BigInteger.ZERO : new BigInteger(value, 16);
        } catch (IOException e) {
            return BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        }
    }

    /** Field {@code name}'s {@code index}th number (real, effective, saved, file system), or -1. */
    private static long idField(String name, int index) {
        try {
            String value = field(Files.readAllLines(STATUS), name);
            return value == null ? -1 : Long.parseLong(value.split("\\s+")[index]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String field(List<String> lines, String name) {
        for (String line : lines) {
            if (line.startsWith(name)) {
                return line.substring(name.length()).strip();
            }
        }
        return null;
    }
}

package netlab.state;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The link group that marks a lab's interfaces in the host namespace. It is set in the very
 * request that creates an interface, so no interface of the lab ever exists unmarked, and it
 * survives a rename. {@code up} chooses one no interface of the host carries (two labs' names can
 * share a CRC; someone may use a group for their own interfaces) and records it.
 */
public final class LabGroups {
    /** How far {@link #choose} looks before it gives up: a host using that many groups is odd. */
    private static final int CANDIDATES = 1000;

    private LabGroups() {}

    /** The lab's first choice: from the CRC-32 of {@code netlab:LAB}. */
    public static int of(String lab) {
        return candidate(lab, 0);
    }

    /**
     * The first of the lab's candidates ({@code netlab:LAB}, then {@code netlab:LAB#1}, ...) that
     * no interface uses now.
     */
    public static int choose(String lab, Set<Integer> inUse) {
        for (int attempt = 0; attempt < CANDIDATES; attempt++) {
            int group = candidate(lab, attempt);
            if (!inUse.contains(group)) {
                return group;
            }
        }
        throw new IllegalStateException("no free link group among " + CANDIDATES + " candidates for lab " + lab);
    }

    /**
     * 1..2^31-1: never 0, every interface's default group, and within what {@code ip} takes
     * ({@code ip link show group N} and {@code ip link set X group N} refuse larger numbers).
     */
    private static int candidate(String lab, int attempt) {
        CRC32 crc = new CRC32();
        crc.update(("netlab:" + lab + (attempt == 0 ? "" : "#" + attempt)).getBytes(StandardCharsets.UTF_8));
        int group = (int) crc.getValue() & Integer.MAX_VALUE;
        return group == 0 ? 1 + attempt : group;
    }
}

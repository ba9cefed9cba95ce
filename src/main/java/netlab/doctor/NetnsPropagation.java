package netlab.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * /run/netns must be a shared mount, as iproute2 and netlab make it: otherwise a namespace named
 * in one mount namespace (a systemd service's, a container's) is an empty file in the others, and
 * {@code ip netns exec} or netlab there cannot enter a lab's node.
 */
final class NetnsPropagation {
    private static final String RUN_NETNS = "/run/netns";

    private NetnsPropagation() {}

    private static boolean covers(String mountPoint) {
        return mountPoint.equals("/") || mountPoint.equals("/run") || mountPoint.equals(RUN_NETNS);
    }

    /** Equivalent to: {@code findmnt -o TARGET,PROPAGATION /run/netns}. */
    static List<Finding> check() {
        List<String> mountinfo;
        try {
            mountinfo = Files.readAllLines(Path.of("/proc/self/mountinfo"));
        } catch (IOException e) {
            return List.of(new Finding(Finding.Level.NOT_CHECKED, "cannot read /proc/self/mountinfo: " + e.getMessage(),
                    "findmnt -o TARGET,PROPAGATION " + RUN_NETNS));
        }
        // proc(5): ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL FIELDS...] - TYPE SOURCE SUPER,
        // in the order of mounting: what is seen at /run/netns is the last mount on it or on a
        // directory above it (a tmpfs on /run hides an older /run/netns). Not mounted: the first
        // up makes it shared.
        String last = null;
        for (String line : mountinfo) {
            String[] fields = line.split(" ");
            if (fields.length > 4 && covers(fields[4])) {
                last = fields[4].equals(RUN_NETNS) ? line : null;
            }
        }
        if (last == null) {
            return List.of();
        }
        List<String> fields = Arrays.asList(last.split(" "));
        boolean shared = fields.subList(6, fields.indexOf("-")).stream().anyMatch(field -> field.startsWith("shared:"));
        if (shared) {
            return List.of();
        }
        return List.of(Finding.problem(RUN_NETNS + " is not a shared mount, so namespaces named in one mount namespace "
                + "are empty files in others", "mount --make-shared " + RUN_NETNS));
    }
}

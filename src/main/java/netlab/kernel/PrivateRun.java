package netlab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.sys.Syscall;

/**
 * The /run of a held lab (docs/rootless.md): inside the holder's mount namespace, a tmpfs of the
 * lab's own replaces /run, so its named namespaces, records and locks are where netlab always
 * keeps them (/run/netns, /run/netlab, /run/lock) yet nobody outside sees them, and they go
 * with the holder. The user's runtime directory is bound back in place. Made through mount(2):
 * util-linux mount fails in a user namespace on updating its own table.
 */
public final class PrivateRun {
    /** In the private /run only: says it was made, and for which lab. */
    private static final Path MARK = Path.of("/run/netlab-holder");

    private PrivateRun() {}

    /** Whether this process's /run is a held lab's (the lab's name), or null for the machine's. */
    public static String lab() {
        try {
            return Files.readString(MARK, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Equivalent to: {@code mount -t tmpfs netlab-LAB STAGING; mkdir STAGING/{netns,netlab,lock};
     * mount --bind RUNTIME STAGING/user/UID; mount --move STAGING /run}. The staging directory is
     * an empty directory of the lab's outside record, which nothing but this mount uses.
     */
    public static void make(String lab, Path staging, String runtimeDirectory) {
        String target = staging.toString();
        Syscall.mount("netlab-" + lab, target, "tmpfs", Syscall.MS_NOSUID | Syscall.MS_NODEV, "mode=755");
        try {
            for (String directory : new String[] {"netns", "netlab", "lock"}) {
                Files.createDirectory(staging.resolve(directory));
            }
            Path runtime = runtimeDirectory == null || !runtimeDirectory.startsWith("/") ? null
                    : Path.of(runtimeDirectory).normalize();
            if (runtime != null && runtime.startsWith("/run/") && Files.isDirectory(runtime)) {
                Path inside = staging.resolve(Path.of("/run").relativize(runtime));
                Files.createDirectories(inside);
                Syscall.mount(runtime.toString(), inside.toString(), null, Syscall.MS_BIND, null);
            }
            Files.writeString(staging.resolve(MARK.getFileName()), lab + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the lab's own /run in " + staging, e);
        }
        Syscall.mount(target, "/run", null, Syscall.MS_MOVE, null);
    }
}

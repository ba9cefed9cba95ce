package netlab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import netlab.sys.Syscall;
import netlab.sys.SyscallException;

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
    /** In the private /run only: says /etc/netns is the holder's own (its nodes' files go there). */
    static final Path ETC_MARK = Path.of("/run/netlab-holder-etc");
    /** The overlay's upper and work directories, in the private /run. */
    private static final Path ETC_LAYERS = Path.of("/run/netlab-etc");

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
     * mount --bind RUNTIME STAGING/user/UID; mount --move STAGING /run}, then an /etc/netns of
     * the lab's own ({@link #privateEtc}). The staging directory is an empty
     * directory of the lab's outside record, which nothing but this mount uses. Returns why /etc/netns
     * could not be made the lab's own, or null when it is.
     */
    public static String make(String lab, Path staging, String runtimeDirectory) {
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
        return privateEtc();
    }

    /**
     * Equivalent to: {@code mount -t tmpfs netlab-etc-netns /etc/netns}, with first, where the
     * machine has no /etc/netns to mount on, {@code mount -t overlay netlab-etc -o
     * lowerdir=/etc,upperdir=U,workdir=W /etc; mkdir /etc/netns} (U and W in the private /run):
     * the lab's nodes get /etc/netns files of their own, which vanish with the holder, the
     * machine's /etc never changes, and the machine's own /etc/netns entries (another lab's nodes
     * of the same names) stay out of sight. A user namespace may mount an overlay since Linux
     * 5.11; on an older kernel, on a machine without /etc/netns, the lab's nodes have no files.
     */
    private static String privateEtc() {
        try {
            if (!Files.isDirectory(EtcNetns.DIRECTORY)) {
                Path upper = Files.createDirectories(ETC_LAYERS.resolve("upper"));
                Path work = Files.createDirectories(ETC_LAYERS.resolve("work"));
                Syscall.mount("netlab-etc", "/etc", "overlay", 0, "lowerdir=/etc,upperdir=" + upper + ",workdir=" + work);
                Files.createDirectories(EtcNetns.DIRECTORY);
            }
            Syscall.mount("netlab-etc-netns", EtcNetns.DIRECTORY.toString(), "tmpfs", Syscall.MS_NOSUID | Syscall.MS_NODEV,
                    "mode=755");
            Files.writeString(ETC_MARK, "overlay\n", StandardCharsets.US_ASCII);
            return null;
        } catch (IOException e) {
            return "cannot prepare a private /etc: " + e.getMessage();
        } catch (SyscallException e) {
            return "the lab's holder cannot have an /etc/netns of its own (" + SyscallException.describe(e.errnoValue()) + ")";
        }
    }
}

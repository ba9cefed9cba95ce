package netlab.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import netlab.error.LabStateException;

/**
 * The directory that holds a user's labs: made mode 0700 if missing, and refused unless it is a
 * directory (not a link) of the user's own with mode 0700, since netlab acts on what it finds
 * there and another user could have made it first (in /tmp, anyone may).
 */
final class UserDirectory {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private UserDirectory() {}

    /** Makes the directory if it is missing, then checks it as {@link #check}. */
    static void make(Path directory, int uid) {
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // There already, or made meanwhile: checked below like any other.
        } catch (IOException e) {
            throw new LabStateException("cannot make " + directory + " (" + e.getMessage() + "), where netlab keeps "
                    + "your labs' records; set XDG_RUNTIME_DIR to your own runtime directory");
        }
        check(directory, uid);
    }

    /**
     * The user's runtime directory (XDG_RUNTIME_DIR), which holds the store: the user's own, and
     * writable by nobody else, as the XDG specification has it.
     */
    static void requireRuntime(Path directory, int uid) {
        try {
            Object owner = Files.getAttribute(directory, "unix:uid");
            Set<PosixFilePermission> modes = Files.getPosixFilePermissions(directory);
            if (!owner.equals(uid) || modes.contains(PosixFilePermission.GROUP_WRITE)
                    || modes.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new LabStateException("XDG_RUNTIME_DIR (" + directory + ") is not a directory of yours that only "
                        + "you may write, so netlab will not keep your labs' records there; set it to your own runtime "
                        + "directory, or unset it (netlab then uses /tmp/netlab-" + uid + ")");
            }
        } catch (IOException e) {
            throw new LabStateException("cannot read XDG_RUNTIME_DIR (" + directory + "): " + e.getMessage());
        }
    }

    /** Refuses the directory, if it exists, unless it is the user's own with mode 0700. */
    static void check(Path directory, int uid) {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Object owner = Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            boolean directoryItself = Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS);
            if (!directoryItself || !owner.equals(uid)
                    || !Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
                throw new LabStateException(directory + " is not a directory of yours with mode 0700, so netlab will not "
                        + "keep your labs' records there; remove it, or set XDG_RUNTIME_DIR to your runtime directory");
            }
        } catch (IOException e) {
            throw new LabStateException("cannot read " + directory + " (" + e.getMessage() + "), where netlab keeps "
                    + "your labs' records");
        }
    }
}

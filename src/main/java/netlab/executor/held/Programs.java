package netlab.executor.held;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.error.PermissionException;

/**
 * The programs a held lab needs besides the JVM (docs/rootless.md): util-linux's unshare,
 * nsenter and setsid (a multi-threaded process may neither create nor enter a user namespace),
 * slirp4netns for the way out, sh for the one line that hands a descriptor over.
 */
final class Programs {
    private static final String[] DIRECTORIES = {"/usr/bin", "/bin", "/usr/sbin", "/sbin", "/usr/local/bin"};

    private Programs() {}

    /** The program's path; exit 5 with the package to install when it is missing. */
    static String require(String program, String debianPackage) {
        String found = find(program);
        if (found == null) {
            throw new PermissionException("labs in their own namespaces need " + program
                    + ", which is not installed (apt-get install " + debianPackage + ")");
        }
        return found;
    }

    /** Fixed directories only: PATH is the user's to change, and these run with the lab's rights. */
    static String find(String program) {
        for (String directory : DIRECTORIES) {
            Path candidate = Path.of(directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}

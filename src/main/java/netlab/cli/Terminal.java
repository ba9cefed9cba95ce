package netlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a file descriptor of this process is a terminal (colour and progress need one). */
final class Terminal {
    private Terminal() {}

    /**
     * A terminal is a tty or pty device; its /proc link says which without an ioctl (the sys
     * layer has none, and isatty's TCGETS answers the same for these devices).
     */
    static boolean is(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}

package netlab.junit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * This test JVM's class path copied where any user can read it (the Maven repository is under
 * root's home, mode 0700), and a directory any user may write for Netty to unpack its epoll
 * library into ({@code io.netty.native.workdir}), instead of the machine's /tmp.
 */
final class UserClassPath {
    static final Path FILES = Path.of("target/user-class-path").toAbsolutePath();
    static final Path NATIVE = FILES.resolve("native");

    private UserClassPath() {}

    private static String copied;

    /** The copied class path; made anew once per test JVM, so that it holds this build's classes. */
    static synchronized String prepare() throws IOException {
        if (copied != null) {
            return copied;
        }
        run("rm", "-rf", FILES.toString());
        List<String> copies = new ArrayList<>();
        String[] entries = System.getProperty("java.class.path").split(File.pathSeparator);
        Files.createDirectories(NATIVE);
        for (int i = 0; i < entries.length; i++) {
            Path entry = Path.of(entries[i]);
            if (!Files.exists(entry)) {
                continue;
            }
            Path copy = FILES.resolve(i + "-" + entry.getFileName());
            run("cp", "-r", entry.toString(), copy.toString());
            copies.add(copy.toString());
        }
        run("chmod", "-R", "a+rX", FILES.toString());
        run("chmod", "1777", NATIVE.toString());
        copied = String.join(File.pathSeparator, copies);
        return copied;
    }

    private static void run(String... command) throws IOException {
        try {
            if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

package netlab.rootless;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import netlab.cli.Main;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;

/**
 * netlab's JVM as the rootless tests' users start it: the test JVM's own command line
 * ({@link NetlabRunner#javaCommand}) with the launcher's flags for a short-lived JVM
 * (./netlab: no performance data file /tmp/hsperfdata_USER, the serial collector, C1 only),
 * a class path the users can read, and Netty's epoll library unpacked beforehand, as the
 * launcher has it, so that no JVM of theirs writes it into the machine's /tmp (where one killed
 * while unpacking would leave it).
 *
 * <p>Class path entries the users cannot reach (the Maven repository under root's home, 0700)
 * are copied, and the library unpacked, once per test JVM into a tmpfs of the sandbox's own,
 * mounted over an empty directory of the build: every lab's mount namespace is a copy of the
 * sandbox's and sees it, while /run is the lab's own there.
 */
final class UserJvm {
    private static final Path FILES = Path.of("target/rootless-jvm").toAbsolutePath();
    private static final Path NATIVE = FILES.resolve("native");
    private static String classPath;

    private UserJvm() {}

    static synchronized List<String> command(String... args) {
        List<String> command = new ArrayList<>(NetlabRunner.javaCommand(Main.class, args));
        int index = command.indexOf("-cp") + 1;
        if (classPath == null) {
            classPath = prepare(command.get(index));
        }
        command.set(index, classPath);
        command.addAll(1, List.of("-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Djava.library.path=" + NATIVE));
        return command;
    }

    /** The files the users' JVMs need, where they can read them; returns the class path. */
    private static String prepare(String original) {
        List<String> entries = List.of(original.split(File.pathSeparator));
        List<String> unreadable = unreadableByUser(entries);
        if (unreadable.contains(".")) {
            throw new IllegalStateException("user " + RootlessSandbox.USER_A + " cannot enter the tests' working directory "
                    + Path.of("").toAbsolutePath() + ": the checkout must be readable by everyone for the rootless tests");
        }
        try {
            Files.createDirectories(FILES);
            Shell.check("mount", "-t", "tmpfs", "-o", "mode=0755", "netlab-rootless-jvm", FILES.toString());
            Files.createDirectory(NATIVE);
            List<String> readable = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                String entry = entries.get(i);
                unpackNativeLibraries(Path.of(entry));
                if (!unreadable.contains(entry)) {
                    readable.add(entry);
                    continue;
                }
                Path copy = FILES.resolve(i + "-" + Path.of(entry).getFileName());
                Shell.check("cp", "-r", entry, copy.toString());
                readable.add(copy.toString());
            }
            Shell.check("chmod", "-R", "a+rX", FILES.toString());
            List<String> still = unreadableByUser(readable);
            if (!still.isEmpty()) {
                throw new IllegalStateException("user " + RootlessSandbox.USER_A + " cannot read " + still
                        + ": the checkout must be readable by everyone for the rootless tests");
            }
            return String.join(File.pathSeparator, readable);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar's META-INF/native/*.so into {@link #NATIVE} (src/bin/train-aot does the same for the launcher). */
    private static void unpackNativeLibraries(Path entry) throws IOException {
        if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
            return;
        }
        try (ZipFile jar = new ZipFile(entry.toFile())) {
            for (ZipEntry library : jar.stream().filter(e -> e.getName().matches("META-INF/native/[^/]+\\.so")).toList()) {
                try (InputStream in = jar.getInputStream(library)) {
                    Files.copy(in, NATIVE.resolve(Path.of(library.getName()).getFileName()));
                }
            }
        }
    }

    /** The entries (and ".", the working directory) that exist and the user cannot read, as the kernel answers. */
    private static List<String> unreadableByUser(List<String> entries) {
        List<String> check = new ArrayList<>(List.of("/bin/sh", "-c",
                "for e; do [ -r \"$e\" ] && { [ -f \"$e\" ] || [ -x \"$e\" ]; } || echo \"$e\"; done", "sh", "."));
        // Entries that do not exist are the JVM's to ignore; root sees them, the user may not.
        check.addAll(entries.stream().filter(entry -> Files.exists(Path.of(entry))).toList());
        return Shell.check(RootlessSandbox.asUser(RootlessSandbox.USER_A, Map.of(), check).toArray(String[]::new))
                .lines().toList();
    }
}

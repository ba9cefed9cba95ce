package netlab.executor.held;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netlab.state.HeldLab;
import netlab.state.ProcessStamp;

/**
 * The processes that keep a held lab alive besides its holder: programs run in its nodes
 * ({@code netlab exec ns1 iperf3 -s &}) hold their node's namespace, and a rootless lab's whole
 * user namespace. Found by the namespaces they are in, which only the lab has; a process this
 * user may not inspect is not the lab's.
 */
final class LabProcesses {
    private static final Path PROC = Path.of("/proc");

    private LabProcesses() {}

    /** The namespaces of the lab ("net:[N]", "user:[N]"): its host, every node, a rootless lab's user namespace. */
    static Set<String> namespaces(HeldLab held) {
        Set<String> namespaces = new HashSet<>();
        Path holder = PROC.resolve(Long.toString(held.holder().pid()));
        link(holder.resolve("ns/net")).ifPresent(namespaces::add);
        if (held.hasUserNamespace()) {
            link(holder.resolve("ns/user")).ifPresent(namespaces::add);
        }
        // The holder's root shows its mount namespace, where the nodes' namespace files are mounted.
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(holder.resolve("root/run/netns"))) {
            for (Path node : nodes) {
                try {
                    namespaces.add("net:[" + Files.getAttribute(node, "unix:ino") + "]");
                } catch (IOException | RuntimeException e) {
                    // Not a mounted namespace (a file an interrupted up left empty): nothing runs in it.
                }
            }
        } catch (IOException e) {
            // No private /run yet (an up killed early): only the holder's own namespaces.
        }
        return namespaces;
    }

    /** Every process in one of {@code namespaces}, except this one and {@code except}. */
    static List<ProcessStamp> in(Set<String> namespaces, Set<Long> except) {
        List<ProcessStamp> found = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == self || except.contains(pid)) {
                    continue;
                }
                boolean inLab = link(process.resolve("ns/net")).filter(namespaces::contains).isPresent()
                        || link(process.resolve("ns/user")).filter(namespaces::contains).isPresent();
                if (inLab) {
                    ProcessStamp.of(pid).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list the processes in /proc", e);
        }
        return found;
    }

    /** Holders of {@code lab} of this user that no record names (an up killed before it wrote one). */
    static List<ProcessStamp> markedHolders(String lab) {
        return marked(List.of(Holder.MARK + "=" + lab));
    }

    /**
     * Every process of this user that carries the lab's marks from its start: its holder
     * ({@code NETLAB_HOLDER=LAB}), and everything netlab ran inside it, which inherits
     * {@code NETLAB_INSIDE=LAB} (programs run in its nodes too). Found even when the holder is gone.
     */
    static List<ProcessStamp> marked(String lab) {
        return marked(List.of(Holder.MARK + "=" + lab, InnerNetlab.INSIDE + "=" + lab));
    }

    private static List<ProcessStamp> marked(List<String> marks) {
        List<ProcessStamp> found = new ArrayList<>();
        List<byte[]> framed = marks.stream().map(m -> ("\0" + m + "\0").getBytes(StandardCharsets.UTF_8)).toList();
        long uid = uid(PROC.resolve("self"));
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == self || uid(process) != uid) {
                    continue;
                }
                try {
                    byte[] environment = Files.readAllBytes(process.resolve("environ"));
                    byte[] withStart = new byte[environment.length + 1];
                    System.arraycopy(environment, 0, withStart, 1, environment.length);
                    if (framed.stream().anyMatch(mark -> indexOf(withStart, mark) >= 0)) {
                        ProcessStamp.of(pid).ifPresent(found::add);
                    }
                } catch (IOException e) {
                    // Gone, or not ours to read.
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list the processes in /proc", e);
        }
        return found;
    }

    private static long uid(Path process) {
        try {
            for (String line : Files.readAllLines(process.resolve("status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.substring(4).strip().split("\\s+")[1]); // effective
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static java.util.Optional<String> link(Path path) {
        try {
            return java.util.Optional.of(Files.readSymbolicLink(path).toString());
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}

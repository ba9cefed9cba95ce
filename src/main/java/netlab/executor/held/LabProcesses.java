package netlab.executor.held;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.state.HeldLab;
import netlab.state.ProcessStamp;
import netlab.sys.Syscall;
import netlab.sys.SyscallException;

/**
 * The processes that keep a held lab alive besides its holder: programs run in its nodes
 * ({@code netlab exec ns1 iperf3 -s &}) hold their node's namespace, and a rootless lab's whole
 * user namespace. Found by the namespaces they are in, which only the lab has; a process this
 * user may not inspect is not the lab's.
 */
final class LabProcesses {
    private static final Path PROC = Path.of("/proc");

    private LabProcesses() {}

    /**
     * The lab's namespaces, held open: while they are, no other namespace can get one of their
     * numbers ("net:[N]", "user:[N]"), by which the processes in them are found.
     */
    static final class Pinned implements AutoCloseable {
        static final Pinned NONE = new Pinned(Set.of(), List.of());

        private final Set<String> namespaces;
        private final List<Integer> descriptors;

        private Pinned(Set<String> namespaces, List<Integer> descriptors) {
            this.namespaces = namespaces;
            this.descriptors = descriptors;
        }

        Set<String> namespaces() {
            return namespaces;
        }

        @Override
        public void close() {
            descriptors.forEach(Syscall::closeQuietly);
        }
    }

    /**
     * Opens the lab's namespaces: its host, every node, a rootless lab's user namespace. The
     * holder must be alive; a namespace gone meanwhile is left out (nothing runs in it).
     */
    static Pinned pin(HeldLab held) {
        Path holder = PROC.resolve(Long.toString(held.holder().pid()));
        List<Path> files = new ArrayList<>(List.of(holder.resolve("ns/net")));
        if (held.hasUserNamespace()) {
            files.add(holder.resolve("ns/user"));
        }
        // The holder's root shows its mount namespace, where the nodes' namespace files are mounted.
        try (DirectoryStream<Path> nodes = Files.newDirectoryStream(holder.resolve("root/run/netns"))) {
            nodes.forEach(files::add);
        } catch (IOException e) {
            // No private /run yet (an up killed early): only the holder's own namespaces.
        }
        Set<String> namespaces = new HashSet<>();
        List<Integer> descriptors = new ArrayList<>();
        try {
            for (Path file : files) {
                int fd;
                try {
                    fd = Syscall.open(file.toString(), Syscall.O_RDONLY | Syscall.O_CLOEXEC, 0);
                } catch (SyscallException e) {
                    continue; // gone with the holder
                }
                // Not a namespace: a file an interrupted up left empty, in which nothing runs.
                Optional<String> namespace = link(PROC.resolve("self/fd/" + fd)).filter(n -> n.matches("(net|user):\\[[0-9]+]"));
                if (namespace.isPresent()) {
                    namespaces.add(namespace.get());
                    descriptors.add(fd);
                } else {
                    Syscall.closeQuietly(fd);
                }
            }
        } catch (RuntimeException e) {
            descriptors.forEach(Syscall::closeQuietly);
            throw e;
        }
        return new Pinned(namespaces, descriptors);
    }

    /** Every process in one of {@code namespaces} but this one, zombies left out (they have ended). */
    static List<ProcessStamp> in(Set<String> namespaces) {
        List<ProcessStamp> found = new ArrayList<>();
        if (namespaces.isEmpty()) {
            return found;
        }
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == self) {
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

    /**
     * Holders of this lab that its record may not name (an up killed before it wrote one): this
     * user's processes marked {@code NETLAB_HOLDER=LAB} whose descriptor 3 is this lab's exit
     * FIFO. The name alone is not enough: another store (another user's, or root's in a test
     * sandbox) may hold a lab of the same name; the FIFO is this directory's own file.
     */
    static List<ProcessStamp> markedHolders(String lab, Path exitFifo) {
        Optional<Object> fifo = identity(exitFifo);
        if (fifo.isEmpty()) {
            return List.of();
        }
        return marked(List.of(Holder.MARK + "=" + lab),
                process -> fifo.equals(identity(process.resolve("fd/3"))));
    }

    /**
     * What netlab ran inside this lab's holder, which inherits the marks {@code NETLAB_INSIDE=LAB}
     * and {@code NETLAB_INSIDE_HOLDER=PID STARTTIME} (programs run in its nodes too): found by
     * them when the holder is gone and no namespace of it shows them any more.
     */
    static List<ProcessStamp> markedInside(String lab, ProcessStamp holder) {
        return marked(List.of(InnerNetlab.INSIDE + "=" + lab, InnerNetlab.HOLDER + "=" + holder), process -> true);
    }

    /** This user's processes (not this one) whose environment holds every one of {@code marks}. */
    private static List<ProcessStamp> marked(List<String> marks, java.util.function.Predicate<Path> also) {
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
                    if (framed.stream().allMatch(mark -> indexOf(withStart, mark) >= 0) && also.test(process)) {
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

    /** A file's device and inode, following /proc/PID/fd links to the file itself. */
    private static Optional<Object> identity(Path file) {
        try {
            java.util.Map<String, Object> attributes = Files.readAttributes(file, "unix:dev,ino");
            return Optional.of(List.of(attributes.get("dev"), attributes.get("ino")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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

    static Optional<String> link(Path path) {
        try {
            return Optional.of(Files.readSymbolicLink(path).toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

package netlab.contained;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes of held labs that run in this test sandbox, read from /proc: holders (marked
 * {@code NETLAB_HOLDER=LAB} in their environment), {@code unshare} and {@code slirp4netns}. The
 * sandbox has no PID namespace of its own, so /proc shows every process of the machine, other
 * sandboxes' holders too; a process is this sandbox's when its mount table holds the sandbox's
 * own /etc overlay (a holder's mount namespace is a copy of the sandbox's: its private /etc is
 * mounted over that one, which stays beneath it). A zombie has ended: it is not counted (the
 * machine's init reaps it in its own time).
 */
record SandboxProcesses(List<String> holders, int unshares, int egresses) {
    static final SandboxProcesses NONE = new SandboxProcesses(List.of(), 0, 0);
    private static final Path PROC = Path.of("/proc");
    private static final String MARK = "NETLAB_HOLDER=";

    /** The labs of the holders (sorted, one entry per holder), and how many unshare and slirp4netns run. */
    static SandboxProcesses take() {
        List<String> holders = new ArrayList<>();
        int unshares = 0;
        int egresses = 0;
        for (Process process : ours()) {
            process.mark().ifPresent(holders::add);
            unshares += process.command().equals("unshare") ? 1 : 0;
            egresses += process.command().equals("slirp4netns") ? 1 : 0;
        }
        return new SandboxProcesses(holders.stream().sorted().toList(), unshares, egresses);
    }

    /** The pids of the holders of {@code lab} in this sandbox. */
    static List<Long> holdersOf(String lab) {
        return ours().stream().filter(p -> p.mark().equals(Optional.of(lab))).map(Process::pid).toList();
    }

    /** The command names of the processes in the network namespace {@code netns} ("net:[INODE]"), sorted. */
    static List<String> inNetworkNamespace(String netns) {
        List<String> commands = new ArrayList<>();
        for (Process process : ours()) {
            try {
                if (Files.readSymbolicLink(PROC.resolve(process.pid() + "/ns/net")).toString().equals(netns)) {
                    commands.add(process.command());
                }
            } catch (IOException e) {
                // Ended while we looked.
            }
        }
        return commands.stream().sorted().toList();
    }

    /** Kills every holder of this sandbox (after a failed test: a holder that no record names). */
    static void endHolders() {
        for (Process process : ours()) {
            if (process.mark().isPresent()) {
                ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    /** One running process: its pid, its command name, and the lab of its holder mark if it has one. */
    record Process(long pid, String command, Optional<String> mark) {}

    static List<Process> ours() {
        String sandbox = etcDevice(PROC.resolve("self"));
        List<Process> found = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String state = stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
                    if (state.equals("Z") || !hasMount(process, sandbox)) {
                        continue;
                    }
                    String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    found.add(new Process(Long.parseLong(process.getFileName().toString()), command, mark(process)));
                } catch (IOException | UncheckedIOException e) {
                    // Ended while we looked.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static Optional<String> mark(Path process) throws IOException {
        for (String variable : new String(Files.readAllBytes(process.resolve("environ")), StandardCharsets.UTF_8).split("\0")) {
            if (variable.startsWith(MARK)) {
                return Optional.of(variable.substring(MARK.length()));
            }
        }
        return Optional.empty();
    }

    /** MAJOR:MINOR of the file system mounted last on /etc in the process's mount table. */
    private static String etcDevice(Path process) {
        String device = null;
        for (String[] mount : mounts(process)) {
            if (mount[4].equals("/etc")) {
                device = mount[2];
            }
        }
        if (device == null) {
            throw new IllegalStateException("the sandbox has no /etc of its own");
        }
        return device;
    }

    private static boolean hasMount(Path process, String device) {
        return mounts(process).stream().anyMatch(mount -> mount[2].equals(device));
    }

    private static List<String[]> mounts(Path process) {
        try {
            return Files.readAllLines(process.resolve("mountinfo")).stream().map(line -> line.split(" ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

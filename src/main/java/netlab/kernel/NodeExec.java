package netlab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import netlab.error.FailureKind;
import netlab.error.InterruptedWaitException;
import netlab.error.NetlabException;
import netlab.sys.Errno;
import netlab.sys.Syscall;
import netlab.sys.SyscallException;

/** Running a program inside a node (a named namespace), the way {@code ip netns exec} does. */
public final class NodeExec {
    private NodeExec() {}

    /** What a child run in a node printed, and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {}

    /**
     * Equivalent to: {@code ip netns exec NAME COMMAND...}, replacing this process (the JVM) by
     * the program, so that its terminal, its standard streams and its exit status are the
     * program's own. On a platform thread: join the namespace (and the node's UTS namespace,
     * bound at {@code uts}, when it has one: its host name is the node's), take a private mount
     * namespace whose changes do not propagate back, mount a /sys that shows the node's
     * interfaces, bind /etc/netns/NAME/* over /etc, let no JVM descriptor leak, unblock signals,
     * execve. Returns only by throwing.
     */
    public static void execInPlace(String name, Optional<Path> uts, List<String> command, Map<String, String> environment) {
        String program = resolve(command.getFirst(), environment.get("PATH"));
        List<String> env = environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        try (NetNamespace namespace = NamedNamespaces.open(name)) {
            InNamespace.call(namespace.fd(), "netlab-exec", () -> {
                uts.ifPresent(UtsNamespaces::join);
                enterNodeMounts(name);
                Syscall.closeRange(3, Integer.MAX_VALUE, Syscall.CLOSE_RANGE_CLOEXEC);
                Syscall.unblockAllSignals();
                try {
                    Syscall.execve(program, command, env);
                } catch (SyscallException e) {
                    if (e.errno() == Errno.EACCES || e.errno() == Errno.ENOEXEC || e.errno() == Errno.EISDIR) {
                        throw new ProgramNotRunnableException(program, e);
                    }
                    throw e;
                }
                return null;
            });
        }
    }

    /**
     * Runs {@code command} as a child process in the namespace and waits for it. The child joins
     * the node's network namespace only (no /sys remount, no /etc/netns binds): this is for
     * netlab's own checks and for tests.
     */
    public static Result run(NetNamespace namespace, List<String> command) {
        Process process = namespace.call(() -> new ProcessBuilder(command).start());
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            return new Result(process.waitFor(), stdout, stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw new InterruptedWaitException("waiting for " + command, e);
        }
    }

    /** The mount-namespace part of ip netns exec, for the calling (platform) thread. */
    private static void enterNodeMounts(String name) {
        Syscall.unshare(Syscall.CLONE_NEWNS);
        // Nothing mounted from here on may reach the host's mount namespace.
        Syscall.mount("", "/", "none", Syscall.MS_SLAVE | Syscall.MS_REC, null);
        try {
            Syscall.umount2("/sys", Syscall.MNT_DETACH);
        } catch (SyscallException e) {
            // No sysfs was mounted: fine, mount the node's below.
        }
        // A sysfs mounted from inside the namespace lists that namespace's interfaces.
        Syscall.mount(name, "/sys", "sysfs", 0, null);
        for (Path entry : etcEntries(name)) {
            Path target = Path.of("/etc").resolve(entry.getFileName().toString());
            try {
                Syscall.mount(entry.toString(), target.toString(), "none", Syscall.MS_BIND, null);
            } catch (SyscallException e) {
                throw new SyscallException("bind " + entry + " over " + target, e.errnoValue());
            }
        }
    }

    private static List<Path> etcEntries(String name) {
        Path dir = EtcNetns.of(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** Finds a program as execvp would: a name with a slash is a path, else search PATH. */
    static String resolve(String program, String path) {
        if (program.contains("/")) {
            return program;
        }
        List<String> directories = new ArrayList<>(List.of((path == null ? "/usr/local/bin:/usr/bin:/bin" : path).split(":")));
        for (String directory : directories) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new ProgramNotFoundException(program);
    }

    /** The program exists but the kernel will not run it; shells exit 126 for this. */
    public static final class ProgramNotRunnableException extends NetlabException {
        private static final long serialVersionUID = 1L;

        ProgramNotRunnableException(String program, SyscallException cause) {
            super(program + ": cannot run it: " + SyscallException.describe(cause.errnoValue()), cause);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.PROGRAM_NOT_RUNNABLE;
        }
    }

    /** The program to run in a node is not on its PATH; shells exit 127 for this. */
    public static final class ProgramNotFoundException extends NetlabException {
        private static final long serialVersionUID = 1L;

        @Override
        public FailureKind kind() {
            return FailureKind.PROGRAM_NOT_FOUND;
        }

        ProgramNotFoundException(String program) {
            super(program + ": command not found");
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package netlab.executor.held;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.state.HeldLab;

/**
 * netlab run again inside a held lab (docs/rootless.md): {@code nsenter} enters the holder's
 * user (rootless), mount and network namespaces and starts the same JVM with the same options,
 * which is then root over the lab's namespaces and runs the same code as a machine-wide lab.
 */
final class InnerNetlab {
    /** Set in the inner netlab's environment: the lab whose holder it runs in. */
    static final String INSIDE = "NETLAB_INSIDE";
    /** Set in the inner netlab's environment: the lab's holder (PID STARTTIME), which must still run. */
    static final String HOLDER = "NETLAB_INSIDE_HOLDER";
    /** Set for the inner netlab that makes the lab: where to stage its private /run. */
    static final String STAGING = "NETLAB_INSIDE_STAGING";
    /** How many of this JVM's command-line words are netlab's own (the rest start the JVM). */
    private static volatile int programArguments = -1;

    private InnerNetlab() {}

    static void rememberLaunch(int count) {
        programArguments = count;
    }

    /** {@code nsenter ... -t HOLDER --wd=CWD -- JAVA OPTIONS... netlab ARGS...}. */
    static List<String> command(HeldLab held, List<String> netlabArguments) {
        List<String> command = new ArrayList<>(List.of(Programs.require("nsenter", "util-linux")));
        if (held.hasUserNamespace()) {
            command.addAll(List.of("--preserve-credentials", "-U"));
        }
        // --wd: nsenter opens this directory before it enters, so relative paths keep working.
        command.addAll(List.of("-m", "-n", "-t", Long.toString(held.holder().pid()),
                "--wd=" + System.getProperty("user.dir"), "--"));
        command.addAll(jvm());
        command.addAll(netlabArguments);
        return command;
    }

    static Map<String, String> environment(HeldLab held, Path staging) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        // The inner netlab keeps its records in the lab's own /run, whatever the outer one was told.
        environment.remove("NETLAB_STATE_DIR");
        environment.put(INSIDE, held.lab());
        environment.put(HOLDER, held.holder().toString());
        if (staging != null) {
            environment.put(STAGING, staging.toString());
        } else {
            environment.remove(STAGING);
        }
        return environment;
    }

    /**
     * Whether this process is in the mount namespace of the holder its environment names, the
     * recorded process still: what makes it safe to put a tmpfs over /run.
     */
    static boolean inHoldersMountNamespace() {
        String holder = System.getenv(HOLDER);
        if (holder == null || !holder.matches("[1-9][0-9]* [0-9]+")) {
            return false;
        }
        String[] words = holder.split(" ");
        netlab.state.ProcessStamp stamp = new netlab.state.ProcessStamp(Long.parseLong(words[0]), Long.parseLong(words[1]));
        java.util.Optional<String> mine = LabProcesses.link(Path.of("/proc/self/ns/mnt"));
        return mine.isPresent() && mine.equals(LabProcesses.link(Path.of("/proc", words[0], "ns/mnt"))) && stamp.isAlive();
    }

    /** This JVM's command line without netlab's own arguments: the same JVM, options and class path. */
    private static List<String> jvm() {
        if (programArguments < 0) {
            throw new IllegalStateException("the launch arguments were not remembered");
        }
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc/self/cmdline"));
            List<String> words = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\0", -1)));
            words.removeLast(); // the text ends with a NUL
            List<String> jvm = new ArrayList<>(words.subList(0, words.size() - programArguments));
            jvm.set(0, ProcessHandle.current().info().command().orElse(jvm.getFirst()));
            return jvm;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read this JVM's command line", e);
        }
    }
}

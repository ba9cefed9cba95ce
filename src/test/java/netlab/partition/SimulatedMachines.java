package netlab.partition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import netlab.check.NodeNamespaces;
import netlab.check.Pingall;
import netlab.cli.Main;
import netlab.kernel.NamespaceFiles;
import netlab.kernel.NetNamespace;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;
import netlab.topology.Lab;
import netlab.topology.Node;

/**
 * Machines simulated in the test's sandbox (src/test/sandbox/bin/simhost: network namespaces m0,
 * m1, ... on an underlay bridge, 192.0.2.0/24, each with its own /run and /etc) and the agents
 * that hold a split lab's parts on them ({@code netlab up PART --hold}, a real process each).
 */
final class SimulatedMachines {
    static final String SIMHOST = Path.of("test/sandbox/bin/simhost").toAbsolutePath().toString();

    private SimulatedMachines() {}

    /** Machines m0 .. m{count-1} at 192.0.2.1, .2, ...: the addresses partition --write assumes. */
    static void add(int count, int mtu) {
        for (int m = 0; m < count; m++) {
            Shell.check(SIMHOST, "add", "m" + m, "192.0.2." + (m + 1) + "/24", String.valueOf(mtu));
        }
    }

    /** Machines m0, m1, ... at the addresses given (ADDRESS/PREFIX, IPv4 or IPv6), in that order. */
    static void addAt(int mtu, String... addresses) {
        for (int m = 0; m < addresses.length; m++) {
            Shell.check(SIMHOST, "add", "m" + m, addresses[m], String.valueOf(mtu));
        }
    }

    /** Removes the machines and the underlay, whatever state they are in. */
    static void remove(int count) {
        for (int m = 0; m < count; m++) {
            Shell.run(SIMHOST, "del", "m" + m);
        }
        Shell.run("ip", "link", "del", "underlay");
    }

    /**
     * SIGTERM to every agent (each takes its part down and exits 0), then every machine bare; the
     * machines are removed whatever happened.
     */
    static void stopAndRemove(int count, List<Agent> agents) throws InterruptedException {
        try {
            for (Agent agent : agents) {
                if (agent != null) {
                    agent.stop();
                }
            }
            for (int m = 0; m < count; m++) {
                assertBare(m);
            }
        } finally {
            remove(count);
        }
    }

    /** Writes a peers file as an operator would: whole, by renaming a written copy over it. */
    static void writePeers(Path file, String text) {
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, text);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The VNIs the part files LAB.p0.topo .. LAB.p{machines-1}.topo in {@code dir} name. */
    static Set<String> vnisOfParts(Path dir, String lab, int machines) {
        Set<String> vnis = new HashSet<>();
        for (int m = 0; m < machines; m++) {
            try {
                Matcher vni = Pattern.compile(" vni (\\d+) ").matcher(Files.readString(dir.resolve(lab + ".p" + m + ".topo")));
                while (vni.find()) {
                    vnis.add(vni.group(1));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return vnis;
    }

    /** Until tcpdump says it listens ("listening on underlay, ..." on its standard error): its socket is open then. */
    static void awaitListening(Process tcpdump, Path err) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.readString(err).contains("listening on")) {
            assertThat(tcpdump.isAlive()).as("tcpdump: %s", Files.readString(err)).isTrue();
            assertThat(System.nanoTime()).as("tcpdump listening").isLessThan(deadline);
            sleep(20);
        }
    }

    /** The command line that runs netlab with {@code args} (in a child JVM), for {@link #run} on a machine. */
    static String[] netlabCommand(String... args) {
        return NetlabRunner.javaCommand(Main.class, args).toArray(String[]::new);
    }

    /** Runs a command on machine {@code m}: its network, /run and /etc. */
    static Shell.Result run(int m, String... command) {
        List<String> line = new ArrayList<>(List.of(SIMHOST, "run", "m" + m));
        line.addAll(List.of(command));
        return Shell.run(line.toArray(String[]::new));
    }

    static String check(int m, String... command) {
        Shell.Result result = run(m, command);
        assertThat(result.exitCode()).as("m%d: %s: %s", m, String.join(" ", command), result.stderr()).isZero();
        return result.stdout();
    }

    /** Where machine {@code m} keeps the namespace of {@code node}, seen from the sandbox. */
    static Path namespaceFile(int m, String node) {
        return Path.of("/run/simhosts/m" + m + "/run/netns/" + node);
    }

    /** Whether machine {@code m} holds a namespace called {@code node}. */
    static boolean holds(int m, String node) {
        return Files.exists(namespaceFile(m, node));
    }

    /** Machine m's interfaces (names) and whether netlab holds any record or namespace there. */
    static void assertBare(int m) {
        String links = check(m, "ip", "-br", "link");
        assertThat(links.lines().map(l -> l.split("[ @]")[0])).as("m%d's links", m).containsExactly("lo", "eth0");
        // No /run/netns at all: nothing was ever up there.
        assertThat(check(m, "sh", "-c", "[ ! -d /run/netns ] || ls -A /run/netns")).as("m%d's namespaces", m).isBlank();
        assertThat(check(m, "nft", "list", "ruleset")).as("m%d's ruleset", m).isBlank();
    }

    /**
     * Pingall of a whole (unsplit) lab whose nodes are spread over the machines: each node probes
     * from its namespace on the machine {@code machineOf} names. The one kernel under the
     * machines keeps one neighbour table for all of them, which pingall's rounds respect.
     * Returns the {@code "FROM -> ADDRESS"} pairs that answered.
     */
    static Set<String> answeredPairs(Lab whole, Map<String, Integer> machineOf) {
        return answeredPairs(whole, machineOf, Map.of());
    }

    /** As above, the nodes of {@code files} (the host: a machine's own namespace) from the file given. */
    static Set<String> answeredPairs(Lab whole, Map<String, Integer> machineOf, Map<String, Path> files) {
        Map<String, NetNamespace> open = new ConcurrentHashMap<>();
        try {
            NodeNamespaces namespaces = node -> open.computeIfAbsent(node,
                    n -> NamespaceFiles.open(n, files.getOrDefault(n, namespaceFile(machineOf.get(n), n))));
            List<Pingall.Pair> pairs = Pingall.run(namespaces, whole);
            int addresses = whole.nodes().stream().mapToInt(SimulatedMachines::addressCount).sum();
            int expected = whole.nodes().stream().mapToInt(n -> addresses - addressCount(n)).sum();
            assertThat(pairs).as("pingall's pairs").hasSize(expected);
            return pairs.stream().filter(Pingall.Pair::answered)
                    .map(p -> p.from() + " -> " + p.address().getHostAddress()).collect(Collectors.toSet());
        } finally {
            open.values().forEach(NetNamespace::close);
        }
    }

    private static int addressCount(Node node) {
        return node.interfaces().stream().mapToInt(i -> i.addresses().size()).sum();
    }

    /** The pairs of {@code expected} that did not answer, and those that answered but should not. */
    static void assertAnsweredExactly(Set<String> answered, Set<String> expected) {
        assertThat(expected.stream().filter(p -> !answered.contains(p)).sorted().toList())
                .as("pairs that did not answer").isEmpty();
        assertThat(answered.stream().filter(p -> !expected.contains(p)).sorted().toList())
                .as("pairs that answered but should not").isEmpty();
    }

    /** An agent: {@code netlab up PART --hold --peers PEERS --ready-file READY} on one machine. */
    static final class Agent {
        final int machine;
        private final Path part;
        private final Path peers;
        private final String ready;
        private final Path log;
        private Process process;

        /** {@code ready} is a path on the machine (its /run is its own). */
        Agent(int machine, Path part, Path peers, String ready, Path log) {
            this.machine = machine;
            this.part = part;
            this.peers = peers;
            this.ready = ready;
            this.log = log;
        }

        Agent start() {
            List<String> command = new ArrayList<>(List.of(SIMHOST, "run", "m" + machine));
            command.addAll(NetlabRunner.javaCommand(Main.class, "up", part.toString(), "--hold", "--peers",
                    peers.toString(), "--ready-file", ready));
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** The ready file as the sandbox sees it. */
        Path readyFile() {
            return Path.of("/run/simhosts/m" + machine + ready);
        }

        void awaitReady() {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(readyFile())) {
                assertThat(System.nanoTime()).as("agent on m%d ready: %s", machine, log()).isLessThan(deadline);
                assertThat(process.isAlive()).as("agent on m%d alive: %s", machine, log()).isTrue();
                sleep(100);
            }
        }

        /** Waits until the agent's output contains {@code text}. */
        void awaitSaying(String text) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!log().contains(text)) {
                assertThat(System.nanoTime()).as("agent on m%d says %s: %s", machine, text, log())
                        .isLessThan(deadline);
                sleep(100);
            }
        }

        String log() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return e.toString();
            }
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** The agent's exit status, once it has exited by itself. */
        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(log()).isTrue();
            return process.exitValue();
        }

        /** kill -9: the part stays behind, as on a machine after a crash. */
        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        /** SIGTERM unless it has exited already; its exit status. */
        int terminate() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(log()).isTrue();
            return process.exitValue();
        }

        /** SIGTERM, then the agent's exit: zero once it has taken its part down. */
        void stop() throws InterruptedException {
            if (process == null || !process.isAlive()) {
                return;
            }
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(log()).isTrue();
            assertThat(process.exitValue()).as(log()).isZero();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

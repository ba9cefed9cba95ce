package netlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import netlab.testing.NestedSandbox.Outcome;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak guard of make test ({@code src/test/sandbox/leak-guard}) catches each kind of leak it
 * promises to, and nothing else. Each trial runs in a throwaway sandbox of its own
 * ({@code src/test/sandbox/leak-guard-trial} in {@link NestedSandbox}): a snapshot, one kind of
 * leak planted, another snapshot; {@code leak-guard compare} must fail, name the section of that
 * kind and show the leaked object. What is no leak (nothing at all, a process that was there
 * before or has ended, one that something other than the run started) must compare equal. Some
 * trials take both snapshots as an ordinary user, as a developer's make test does: what that user
 * cannot read is a note, not a failure, and what it can read is still caught.
 */
@KernelTest
class LeakGuardTest {
    private static final Path GUARD = Path.of("test/sandbox/leak-guard").toAbsolutePath();
    private static final Path TRIAL = Path.of("test/sandbox/leak-guard-trial").toAbsolutePath();
    /** nobody: an ordinary user with no file of its own. */
    private static final int ORDINARY_USER = 65534;
    /** A secret sysctl value planted once: no snapshot may hold it. */
    private static final String SECRET = "2001:db8:5ec::1";
    private static final String A_PROCESS_IN_A_NAMESPACE = "unshare --net sleep 600 > /dev/null 2>&1 &";

    @TempDir
    Path directory;

    /**
     * One trial: {@code setup} runs before the first snapshot, {@code plant} between the two;
     * {@code section} is the section compare must name (null: none, compare must pass) and
     * {@code shows} a text its output must hold; {@code uid} takes the snapshots (null: root).
     */
    private record Trial(String name, String setup, String plant, String section, String shows, Integer uid) {
        static Trial leak(String name, String plant, String section, String shows) {
            return new Trial(name, "true", plant, section, shows, null);
        }

        static Trial none(String name, String setup, String plant, String shows) {
            return new Trial(name, setup, plant, null, shows, null);
        }

        Trial asOrdinaryUser() {
            return new Trial(name + ", as an ordinary user", setup, plant, section, shows, ORDINARY_USER);
        }

        Trial notReadable(String note) {
            return new Trial(name, setup, plant, null, note, uid);
        }
    }

    /** One leak of each kind the guard compares; every section of a snapshot is named here. */
    private static final List<Trial> LEAKS = List.of(
            Trial.leak("a link", "ip link add leak0 type veth peer name leak1", "links", "leak0@leak1"),
            Trial.leak("an address", "ip addr add 192.0.2.1/32 dev lo", "addresses", "inet 192.0.2.1/32"),
            Trial.leak("an IPv4 route in a table of its own", "ip route add unreachable 198.51.100.0/24 table 100",
                    "routes IPv4", "+unreachable 198.51.100.0/24 table 100"),
            Trial.leak("an IPv6 route in a table of its own", "ip -6 route add unreachable 2001:db8:1::/48 table 100",
                    "routes IPv6", "+unreachable 2001:db8:1::/48"),
            Trial.leak("an IPv4 rule", "ip rule add from 198.51.100.1 lookup 100", "rules IPv4", "from 198.51.100.1 lookup 100"),
            Trial.leak("an IPv6 rule", "ip -6 rule add from 2001:db8::1 lookup 100", "rules IPv6", "from 2001:db8::1 lookup 100"),
            Trial.leak("a permanent IPv4 neighbour", "ip neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev base0 nud permanent",
                    "neighbours permanent", "+192.0.2.9 dev base0"),
            Trial.leak("a permanent IPv6 neighbour",
                    "ip -6 neigh add 2001:db8::9 lladdr 02:00:00:00:00:09 dev base0 nud permanent",
                    "neighbours permanent", "+2001:db8::9 dev base0"),
            Trial.leak("a proxy neighbour", "ip neigh add proxy 192.0.2.7 dev base0", "neighbours proxy", "+192.0.2.7 dev base0"),
            Trial.leak("a sysctl", "echo 1 > /proc/sys/net/ipv4/ip_forward", "sysctl net", "+net.ipv4.ip_forward = 1"),
            Trial.leak("a secret sysctl", "echo " + SECRET + " > /proc/sys/net/ipv6/conf/base0/stable_secret", "sysctl net",
                    "+net.ipv6.conf.base0.stable_secret = (secret) sha256 "),
            Trial.leak("a named namespace", "ip netns add leak", "namespaces", "+leak"),
            Trial.leak("a file left in /run/netns", "mkdir -p /run/netns && touch /run/netns/leak", "/run/netns", "+/run/netns/leak"),
            Trial.leak("a state file", "mkdir -p /run/netlab && touch /run/netlab/leak", "/run/netlab", "+/run/netlab/leak"),
            Trial.leak("a lock file", "mkdir -p /run/lock/netlab && touch /run/lock/netlab/leak.lock", "/run/lock/netlab",
                    "+/run/lock/netlab/leak.lock"),
            Trial.leak("an /etc/netns directory", "mkdir -p /etc/netns/leak", "/etc/netns", "+/etc/netns/leak"),
            Trial.leak("a namespace kept by a bind mount outside /run/netns", "touch /run/leak && unshare --net=/run/leak true",
                    "nsfs mounts", "+/run/leak net:["),
            Trial.leak("a process left in a namespace", A_PROCESS_IN_A_NAMESPACE, "processes in other network namespaces",
                    " sleep [this run]"),
            Trial.leak("an nf_tables table", "nft add table inet leak", "nf_tables ruleset", "+table inet leak {"));

    private static final List<Trial> NO_LEAKS = List.of(
            Trial.none("nothing", "true", "true", null),
            Trial.none("a process in a namespace that was there before", A_PROCESS_IN_A_NAMESPACE, "true", null),
            Trial.none("a process in a namespace that has ended since",
                    A_PROCESS_IN_A_NAMESPACE + " echo $! > /run/sleeper", "kill $(cat /run/sleeper)", null),
            Trial.none("a process in a namespace that the run did not start", "true",
                    "env -u NETLAB_LEAK_GUARD_RUN " + A_PROCESS_IN_A_NAMESPACE,
                    "started meanwhile by something other than this run, not counted as a leak:\n  "));

    /** As an ordinary user: what it can read is caught; the ruleset it cannot read is a note. */
    private static final List<Trial> AS_ORDINARY_USER = List.of(
            named(NO_LEAKS, "nothing").asOrdinaryUser(),
            named(LEAKS, "a link").asOrdinaryUser(),
            named(LEAKS, "a sysctl").asOrdinaryUser(),
            named(LEAKS, "an /etc/netns directory").asOrdinaryUser(),
            named(LEAKS, "a namespace kept by a bind mount outside /run/netns").asOrdinaryUser(),
            named(LEAKS, "an nf_tables table").asOrdinaryUser()
                    .notReadable("nf_tables ruleset: compared only as far as this user can read it:\n  (not readable: "));

    private static Trial named(List<Trial> trials, String name) {
        return trials.stream().filter(trial -> trial.name().equals(name)).findFirst().orElseThrow();
    }

    @TestFactory
    Stream<DynamicTest> eachKindOfLeakIsCaughtAndNothingElse() throws Exception {
        List<Trial> trials = new ArrayList<>(LEAKS);
        trials.addAll(NO_LEAKS);
        List<DynamicTest> tests = new ArrayList<>();
        // The ordinary user exists in the test sandbox only when make test runs as root: as an
        // ordinary user, the sandbox maps root alone (README "Without root").
        if (uidMapped(ORDINARY_USER)) {
            trials.addAll(AS_ORDINARY_USER);
        } else {
            tests.add(DynamicTest.dynamicTest("as an ordinary user", () -> Assumptions.abort(
                    "uid " + ORDINARY_USER + " is not mapped in this sandbox (make test run by an ordinary user)")));
        }
        List<Outcome> outcomes = runAll(trials);
        for (int i = 0; i < trials.size(); i++) {
            Trial trial = trials.get(i);
            Outcome outcome = outcomes.get(i);
            Path dir = directory.resolve(String.valueOf(i));
            tests.add(DynamicTest.dynamicTest(trial.name(), () -> check(trial, outcome, dir)));
        }
        return tests.stream();
    }

    /** A section added to the guard without a trial here would be a promise nobody checks. */
    @Test
    void everySectionHasALeakTrial() {
        List<String> sections = Shell.check(GUARD.toString(), "snapshot").lines()
                .filter(line -> line.startsWith("## ")).map(line -> line.substring(3)).toList();
        Set<String> tried = LEAKS.stream().map(Trial::section).collect(Collectors.toSet());
        assertThat(tried).containsExactlyInAnyOrderElementsOf(sections);
    }

    private static void check(Trial trial, Outcome outcome, Path dir) {
        String both = outcome.out() + outcome.err();
        if (trial.section() == null) {
            assertThat(outcome.status()).as("%s: %s", trial.name(), both).isZero();
            assertThat(outcome.out()).contains("leak guard: the machine's network state is unchanged by the tests");
        } else {
            assertThat(outcome.status()).as("%s: %s", trial.name(), both).isEqualTo(1);
            String changed = outcome.err().lines().filter(line -> line.startsWith("leak guard: changed: ")).findFirst()
                    .orElseThrow(() -> new AssertionError(trial.name() + ": no 'changed:' line in " + both));
            assertThat(List.of(changed.substring("leak guard: changed: ".length()).split(", ")))
                    .as("%s: %s", trial.name(), both).contains(trial.section());
        }
        if (trial.shows() != null) {
            assertThat(both).as(trial.name()).contains(trial.shows());
        }
        assertThat(TextFile.read(dir.resolve("after.txt"))).as("a snapshot holds a secret").doesNotContain(SECRET);
    }

    /** Runs every trial, two at a time, each in a nested sandbox recorded in its own directory. */
    private List<Outcome> runAll(List<Trial> trials) throws Exception {
        List<Callable<Outcome>> runs = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            Trial trial = trials.get(i);
            Path dir = Files.createDirectories(directory.resolve(String.valueOf(i)));
            List<String> command = new ArrayList<>(List.of(TRIAL.toString(), dir.toString(), trial.setup(), trial.plant()));
            if (trial.uid() != null) {
                command.add(String.valueOf(trial.uid()));
            }
            runs.add(() -> NestedSandbox.run(dir, command));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> run : pool.invokeAll(runs)) {
                outcomes.add(run.get());
            }
            return outcomes;
        }
    }

    /** Whether {@code uid} is mapped in this JVM's user namespace (/proc/self/uid_map: inside outside count). */
    private static boolean uidMapped(int uid) {
        return TextFile.read(Path.of("/proc/self/uid_map")).lines().map(line -> line.trim().split("\\s+"))
                .anyMatch(f -> uid >= Long.parseLong(f[0]) && uid < Long.parseLong(f[0]) + Long.parseLong(f[2]));
    }
}

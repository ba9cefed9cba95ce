package netlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code leak-guard compare} counts as a leak, on snapshots written by hand: a change, but
 * not what may come or go by itself (a sysctl key a kernel module brings, a process that ended or
 * that something other than the run started), nor what this user cannot read, when that is the
 * same both times. {@link LeakGuardTest} plants real leaks.
 */
class LeakGuardCompareTest {
    private static final Path GUARD = Path.of("test/sandbox/leak-guard").toAbsolutePath();

    @TempDir
    Path directory;

    private static String snapshot(String links, String sysctls, String processes) {
        return "## links\n" + links + "## sysctl net\n" + sysctls + "## processes in other network namespaces\n" + processes;
    }

    private static final String LINKS = "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536\n";
    private static final String SYSCTLS = "net.ipv4.ip_forward = 0\nnet.ipv4.conf.lo.forwarding = 0\n";
    private static final String PROCESSES = "812 4711 net:[4026532251] sleep [not this run]\n";

    @Test
    void equalSnapshotsPass() throws IOException {
        Shell.Result result = compare(snapshot(LINKS, SYSCTLS, PROCESSES), snapshot(LINKS, SYSCTLS, PROCESSES));
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("leak guard: the machine's network state is unchanged by the tests\n");
    }

    @Test
    void aChangedValueIsALeakShownAsADiffOfItsSection() throws IOException {
        Shell.Result result = compare(snapshot(LINKS, SYSCTLS, PROCESSES),
                snapshot(LINKS, SYSCTLS.replace("ip_forward = 0", "ip_forward = 1"), PROCESSES));
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("## sysctl net (- before, + after)\n", "-net.ipv4.ip_forward = 0\n",
                "+net.ipv4.ip_forward = 1\n").endsWith("leak guard: changed: sysctl net\n");
    }

    @Test
    void aSysctlKeyThatAppearedIsANoteButOneThatVanishedIsALeak() throws IOException {
        String more = SYSCTLS + "net.netfilter.nf_log.2 = NONE\n";
        Shell.Result appeared = compare(snapshot(LINKS, SYSCTLS, PROCESSES), snapshot(LINKS, more, PROCESSES));
        assertThat(appeared.exitCode()).isZero();
        assertThat(appeared.stdout()).contains("keys new since the first snapshot", "  net.netfilter.nf_log.2 = NONE\n");

        Shell.Result vanished = compare(snapshot(LINKS, more, PROCESSES), snapshot(LINKS, SYSCTLS, PROCESSES));
        assertThat(vanished.exitCode()).isEqualTo(1);
        assertThat(vanished.stderr()).contains("-net.netfilter.nf_log.2 = NONE\n");
    }

    @Test
    void onlyANewProcessOfThisRunIsALeak() throws IOException {
        Shell.Result ended = compare(snapshot(LINKS, SYSCTLS, PROCESSES), snapshot(LINKS, SYSCTLS, ""));
        assertThat(ended.exitCode()).isZero();

        String other = PROCESSES + "900 5000 net:[4026532300] java [not this run]\n";
        Shell.Result notThisRun = compare(snapshot(LINKS, SYSCTLS, PROCESSES), snapshot(LINKS, SYSCTLS, other));
        assertThat(notThisRun.exitCode()).isZero();
        assertThat(notThisRun.stdout()).contains("  900 5000 net:[4026532300] java [not this run]\n");

        String ours = PROCESSES + "901 5001 net:[4026532301] sleep [this run]\n";
        Shell.Result thisRun = compare(snapshot(LINKS, SYSCTLS, PROCESSES), snapshot(LINKS, SYSCTLS, ours));
        assertThat(thisRun.exitCode()).isEqualTo(1);
        assertThat(thisRun.stderr()).contains("+901 5001 net:[4026532301] sleep [this run]\n");

        // Taken without NETLAB_LEAK_GUARD_RUN (not by make test): every new process counts.
        Shell.Result unmarked = compare(snapshot(LINKS, SYSCTLS, ""), snapshot(LINKS, SYSCTLS, "902 5002 net:[4026532302] sleep\n"));
        assertThat(unmarked.exitCode()).isEqualTo(1);
    }

    @Test
    void whatCannotBeReadIsANoteWhenItIsTheSameBothTimes() throws IOException {
        String unreadable = "(not readable: net.ipv4.tcp_fastopen_key: Permission denied)\n";
        Shell.Result same = compare(snapshot(LINKS, SYSCTLS + unreadable, PROCESSES), snapshot(LINKS, SYSCTLS + unreadable, PROCESSES));
        assertThat(same.exitCode()).isZero();
        assertThat(same.stdout()).contains("sysctl net: compared only as far as this user can read it:\n  " + unreadable);

        Shell.Result lost = compare(snapshot(LINKS, SYSCTLS, PROCESSES), snapshot("(not readable: Operation not permitted)\n", SYSCTLS, PROCESSES));
        assertThat(lost.exitCode()).isEqualTo(1);
        assertThat(lost.stderr()).endsWith("leak guard: changed: links\n");
    }

    @Test
    void snapshotsWithDifferentSectionsCannotBeCompared() throws IOException {
        Shell.Result result = compare(snapshot(LINKS, SYSCTLS, PROCESSES), "## links\n" + LINKS);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("do not have the same sections");
    }

    private Shell.Result compare(String before, String after) throws IOException {
        Path one = Files.writeString(Files.createTempFile(directory, "before", ".txt"), before);
        Path other = Files.writeString(Files.createTempFile(directory, "after", ".txt"), after);
        return Shell.run(GUARD.toString(), "compare", one.toString(), other.toString());
    }
}

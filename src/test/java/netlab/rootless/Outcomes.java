package netlab.rootless;

import static org.assertj.core.api.Assertions.assertThat;

import netlab.testing.Shell;

/** What the rootless tests expect of a command they ran, with what it printed when it did otherwise. */
final class Outcomes {
    private Outcomes() {}

    /** Exit 0 and nothing on stderr; returns stdout. */
    static String succeeded(Shell.Result run) {
        assertThat(run.exitCode()).as("exit status; it printed:%n%s%s", run.stdout(), run.stderr()).isZero();
        assertThat(run.stderr()).as("stderr").isEmpty();
        return run.stdout();
    }

    /** A ping of one packet answered with {@code ttl}, judged from ping's own lines. */
    static void answered(Shell.Result ping, String from, int ttl) {
        assertThat(ping.exitCode()).as("ping exit status; it printed:%n%s%s", ping.stdout(), ping.stderr()).isZero();
        assertThat(ping.stdout()).contains("bytes from " + from + ": icmp_seq=1 ttl=" + ttl + " ")
                .contains("1 packets transmitted, 1 received, 0% packet loss");
    }
}

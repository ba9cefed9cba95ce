package netlab.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process stamp (pid and start time) names one process and no other: this process's stamp is
 * alive and carries the start time /proc gives it; the same pid with another start time, a pid
 * whose process has ended, and a zombie are not alive; a command name holding blanks and ')',
 * even one that reads like the fields that follow it, does not shift the fields read after it.
 */
class ProcessStampTest {
    @TempDir
    Path directory;

    private Process child;

    @AfterEach
    void endTheChild() throws Exception {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void thisProcessIsAliveWithItsStartTime() throws Exception {
        long pid = ProcessHandle.current().pid();

        Optional<ProcessStamp> stamp = ProcessStamp.of(pid);

        // This JVM's command name is "java": no blank, so field 22 is the 22nd word.
        String[] stat = Files.readString(Path.of("/proc/self/stat")).split(" ");
        assertThat(stat[1]).isEqualTo("(java)");
        assertThat(stamp).contains(new ProcessStamp(pid, Long.parseLong(stat[21])));
        assertThat(stamp.orElseThrow().isAlive()).isTrue();
    }

    @Test
    void anotherStartTimeIsAnotherProcess() {
        ProcessStamp self = ProcessStamp.of(ProcessHandle.current().pid()).orElseThrow();

        assertThat(new ProcessStamp(self.pid(), self.startTime() + 1).isAlive()).isFalse();
        assertThat(new ProcessStamp(self.pid(), self.startTime() - 1).isAlive()).isFalse();
        assertThat(new ProcessStamp(self.pid(), self.startTime()).isAlive()).isTrue();
    }

    @Test
    void anEndedProcessIsNotAlive() throws Exception {
        child = new ProcessBuilder("sleep", "1000").start();
        ProcessStamp stamp = ProcessStamp.of(child.pid()).orElseThrow();
        assertThat(stamp.isAlive()).isTrue();

        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        // The JVM has reaped it: the pid names nothing now.
        assertThat(Files.exists(Path.of("/proc", Long.toString(stamp.pid())))).isFalse();

        assertThat(stamp.isAlive()).isFalse();
        assertThat(ProcessStamp.of(stamp.pid())).isEmpty();
    }

    @Test
    void aZombieIsNotAlive() throws Exception {
        // sh's child "true" ends at once, and the sleep that sh becomes never waits for it.
        child = new ProcessBuilder("sh", "-c", "true & exec sleep 1000").start();
        long zombie = awaitZombieChildOf(child.pid());

        assertThat(ProcessStamp.of(zombie)).isEmpty();
        assertThat(ProcessStamp.of(child.pid())).isPresent();
    }

    @Test
    void aCommandNameWithBlanksAndParenthesesDoesNotShiftTheFields() throws Exception {
        // Each name reads, to a parser that stops at its first ')', as fields of its own: a
        // zombie's state "Z", or a start time that is not the process's.
        for (String name : new String[] {"a b) c", "x) Z 1 2 3", ") R 0 0 ) (", "sleep) S 1 (x)"}) {
            Path program = Files.copy(Path.of("/bin/sleep"), directory.resolve(name));
            Process process = new ProcessBuilder(program.toString(), "1000").start();
            try {
                String stat = awaitStat(process.pid(), name);
                String afterName = stat.substring(("" + process.pid() + " (" + name + ") ").length());
                long startTime = Long.parseLong(afterName.split(" ")[19]);

                Optional<ProcessStamp> stamp = ProcessStamp.of(process.pid());

                assertThat(stamp).as(name).contains(new ProcessStamp(process.pid(), startTime));
                assertThat(stamp.orElseThrow().isAlive()).as(name).isTrue();
            } finally {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** /proc/PID/stat once the process runs {@code name} (right after fork it is still java). */
    private static String awaitStat(long pid, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            if (stat.startsWith(pid + " (" + name + ") ")) {
                return stat;
            }
            assertThat(System.nanoTime()).as("process %d never ran %s: %s", pid, name, stat).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static long awaitZombieChildOf(long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            String children = Files.readString(Path.of("/proc/" + pid + "/task/" + pid + "/children")).strip();
            if (!children.isEmpty()) {
                long child = Long.parseLong(children.split(" ")[0]);
                String stat = Files.readString(Path.of("/proc/" + child + "/stat"));
                if (stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z ")) {
                    return child;
                }
            }
            assertThat(System.nanoTime()).as("no zombie child of %d", pid).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}

package netlab.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process as netlab recorded it: its pid and its start time (field 22 of /proc/PID/stat, in
 * clock ticks since boot). A pid is reused once its process is gone; the pair never is while
 * the machine runs, so a recorded process is never mistaken for a later one with its pid.
 */
public record ProcessStamp(long pid, long startTime) {
    public ProcessStamp {
        if (pid < 1 || startTime < 0) {
            throw new IllegalArgumentException("not a process: " + pid + " " + startTime);
        }
    }

    /** The process with this pid now, if there is one that is not a zombie. */
    public static Optional<ProcessStamp> of(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // The command name (field 2) is in parentheses and may hold blanks and ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
            if (fields[0].equals("Z") || fields[0].equals("X")) {
                return Optional.empty();
            }
            return Optional.of(new ProcessStamp(pid, Long.parseLong(fields[19])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the recorded process is still running (not a later one that got its pid). */
    public boolean isAlive() {
        return of(pid).filter(this::equals).isPresent();
    }

    @Override
    public String toString() {
        return pid + " " + startTime;
    }
}

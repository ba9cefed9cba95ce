package netlab.state;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A test program: {@code LockHolderMain ROOT LAB MILLIS} takes the lab's lock as another netlab
 * would ({@link LabLock#acquire}, waiting up to MILLIS), prints {@code locked} (or {@code busy}),
 * then on the line {@code remove} from its standard input releases it with
 * {@link LabLock#closeAndRemove}, prints {@code removed} and ends; at end of input it just ends.
 */
public final class LockHolderMain {
    private LockHolderMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        LabLock lock = LabLock.acquire(root, args[1], Duration.ofMillis(Long.parseLong(args[2])));
        System.out.println(lock == null ? "busy" : "locked");
        System.out.flush();
        if (lock == null) {
            return;
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if ("remove".equals(in.readLine())) {
            lock.closeAndRemove(root, args[1]);
            System.out.println("removed");
            System.out.flush();
        }
    }
}

package netlab.kernel;

import java.util.Arrays;
import java.util.List;

/**
 * A test program: {@code ExecInPlaceMain NODE COMMAND...} replaces its own JVM with COMMAND run
 * in NODE, as {@code netlab exec} will, so tests can watch what the program sees and returns.
 */
public final class ExecInPlaceMain {
    private ExecInPlaceMain() {}

    public static void main(String[] args) {
        List<String> command = Arrays.asList(args).subList(1, args.length);
        NodeExec.execInPlace(args[0], java.util.Optional.empty(), command, System.getenv());
    }
}

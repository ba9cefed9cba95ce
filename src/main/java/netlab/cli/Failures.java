package netlab.cli;

import java.io.PrintWriter;
import netlab.executor.OperationFailedException;
import netlab.kernel.KernelException;
import netlab.kernel.NodeExec;
import netlab.sys.SyscallException;
import netlab.topology.dsl.TopologyException;

/**
 * The one place where failures become a short message and an exit code; verbose adds the stack
 * trace for bug reports. Used by picocli's handler and by the exec shortcut alike.
 */
final class Failures {
    private Failures() {}

    /** Prints what went wrong to {@code err} and returns netlab's exit status for it. */
    static int report(Exception e, PrintWriter err, boolean verbose) {
        int code = switch (e) {
            case TopologyException t -> {
                err.println(t.getMessage());
                yield ExitCodes.TOPOLOGY;
            }
            case OperationFailedException o -> message(err, o.getMessage(), ExitCodes.KERNEL);
            case KernelException k -> message(err, k.getMessage(), ExitCodes.KERNEL);
            case SyscallException s -> message(err, s.getMessage(),
                    s.errno() == netlab.sys.Errno.EPERM ? ExitCodes.PERMISSION : ExitCodes.KERNEL);
            case PermissionException p -> message(err, p.getMessage(), ExitCodes.PERMISSION);
            case LabStateException l -> message(err, l.getMessage(), ExitCodes.LAB_STATE);
            case NodeExec.ProgramNotFoundException p -> message(err, p.getMessage(), ExitCodes.COMMAND_NOT_FOUND);
            case IllegalStateException i -> message(err, i.getMessage(), ExitCodes.LAB_STATE);
            default -> message(err, e.toString(), 1);
        };
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static int message(PrintWriter err, String text, int code) {
        err.println("netlab: " + text);
        return code;
    }
}

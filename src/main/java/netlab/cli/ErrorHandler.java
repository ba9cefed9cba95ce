package netlab.cli;

import java.io.PrintWriter;
import netlab.exec.OperationFailedException;
import netlab.kernel.KernelException;
import netlab.kernel.NodeExec;
import netlab.sys.SyscallException;
import netlab.topology.dsl.TopologyException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become a short message and an exit code; {@code -v} adds the
 * stack trace for bug reports.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
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
        if (NetlabCommand.verbose(command)) {
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

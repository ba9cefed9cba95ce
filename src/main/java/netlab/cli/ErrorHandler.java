package netlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Hands a verb's failure to {@link Failures}, with {@code -v} deciding on the stack trace. */
final class ErrorHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        return Failures.report(e, command.getErr(), NetlabCommand.verbose(command));
    }
}

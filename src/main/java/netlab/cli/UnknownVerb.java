package netlab.cli;

import java.io.PrintWriter;
import java.util.List;
import netlab.topology.dsl.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A misspelt verb ({@code netlab uo}) gets one line naming it, the nearest verb and every verb,
 * instead of picocli's "Unmatched argument" and the whole usage, which hides the typo. Every
 * other usage error is picocli's as before.
 */
final class UnknownVerb implements IParameterExceptionHandler {
    private final IParameterExceptionHandler picocli;

    UnknownVerb(IParameterExceptionHandler picocli) {
        this.picocli = picocli;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) throws Exception {
        CommandLine command = e.getCommandLine();
        if (!(e instanceof UnmatchedArgumentException unmatched) || command.getParent() != null
                || unmatched.getUnmatched().isEmpty() || unmatched.getUnmatched().getFirst().startsWith("-")) {
            return picocli.handleParseException(e, args);
        }
        List<String> verbs = List.copyOf(command.getSubcommands().keySet());
        String verb = unmatched.getUnmatched().getFirst();
        PrintWriter err = command.getErr();
        err.println("netlab: unknown verb '" + verb + "'"
                + Suggestions.didYouMean(verb, verbs) + "; the verbs are " + String.join(", ", verbs));
        err.flush();
        return ExitCodes.USAGE;
    }
}

package netlab.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "completion", description = "Print a shell completion script: "
        + "eval \"$(netlab completion bash)\", or install it (make install does).")
final class CompletionCommand implements Runnable {
    /** The shells the script is written for; zsh runs the bash script through bashcompinit. */
    enum Shell { bash, zsh }

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public void run() {
        // The script is made from every verb's definition, whichever verbs this run was given.
        String script = CompletionScript.bash(NetlabCommand.commandLine().getCommandSpec());
        if (shell == Shell.zsh) {
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
    }
}

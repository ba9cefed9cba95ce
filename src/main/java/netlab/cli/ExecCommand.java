package netlab.cli;

import java.util.List;
import netlab.error.LabStateException;
import netlab.executor.NodeUts;
import netlab.executor.held.HeldLabs;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NamespaceNames;
import netlab.kernel.NodeExec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "exec", description = "Run a program inside a node: its interfaces, routes, /etc/netns files. "
        + "The exit status is the program's.")
final class ExecCommand implements Runnable {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NODE", description = "The node (namespace) to run in; LAB:NODE for a lab in its own namespaces "
            + "when more than one has such a node.")
    String node;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The program and its arguments; a -- before it is netlab's, as everywhere.")
    List<String> command;

    @Override
    public void run() {
        // "netlab exec ns1 --help": no program is called --help, so this asks for exec's usage.
        // Only the program's own place counts: in "exec ns1 ls --help" it is an argument of ls.
        if (HelpOption.is(command.getFirst())) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return;
        }
        List<String> program = program(command);
        if (program.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'COMMAND'");
        }
        exec(node, program);
    }

    /**
     * The program and its arguments from the words after the node: {@code --} there ends
     * netlab's options, as everywhere ({@code exec ns1 -- ping ...}). picocli stops reading
     * options at the node, so it hands that {@code --} over as a word; only the first word can be
     * netlab's, and in {@code exec ns1 ls --} the {@code --} is ls's.
     */
    static List<String> program(List<String> words) {
        return !words.isEmpty() && words.getFirst().equals("--") ? words.subList(1, words.size()) : words;
    }

    /** What exec does once its arguments are known; {@link ExecShortcut} comes here without picocli. */
    static void exec(String argument, List<String> command) {
        String node = argument;
        if (!Placement.inside()) {
            Placement.NodeAddress address = Placement.node(argument);
            if (address.held() != null) {
                List<String> inner = new java.util.ArrayList<>(List.of("exec", address.node(), "--"));
                inner.addAll(command);
                HeldLabs.enter(address.held(), inner);
            }
            if (Placement.rootless()) {
                // A user's nodes are all in held labs: none of them has this one.
                throw new LabStateException("no node " + argument + " is up in your labs (see netlab ls)");
            }
            node = address.node();
        }
        String problem = NamespaceNames.problem(node);
        if (problem != null || !NamedNamespaces.exists(node)) {
            throw new LabStateException(problem != null ? problem : UnknownNode.message(node));
        }
        Privileges.requireAdmin();
        // Replaces this process: the program keeps the terminal, and its exit status is ours.
        NodeExec.execInPlace(node, NodeUts.of(Labs.store(), node), command, System.getenv());
    }
}

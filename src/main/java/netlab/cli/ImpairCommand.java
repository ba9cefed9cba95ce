package netlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import netlab.executor.RuntimeImpair;
import netlab.state.ImpairEdits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netlab impair LAB NODE:IF [OPTIONS] | --clear}: a running lab's link made slow, late or lossy, or fixed. */
@Command(name = "impair", description = "Change how one interface of a running lab is impaired: the options of an "
        + "impair line (rate, burst, delay, jitter, loss, limit, both), or --clear.")
final class ImpairCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LAB|FILE", description = "The lab's name (or its topology file).")
    String lab;

    @Parameters(index = "1", paramLabel = "NODE:IF", description = "The interface, as node:interface (host:IF for the host's).")
    String target;

    @Parameters(index = "2..*", arity = "0..*", paramLabel = "OPTION", description = "As in the file: rate 1mbit, delay 20ms, "
            + "loss 5%%, ... (docs/topology-language.md, Impairments).")
    List<String> words = List.of();

    @Option(names = "--clear", description = "Take the interface's impairment away.")
    boolean clear;

    @Override
    public Integer call() {
        if (clear == !words.isEmpty()) {
            throw new ParameterException(spec.commandLine(), clear ? "--clear takes no options"
                    : "say how to impair it (rate 1mbit, delay 20ms, loss 5%, ...) or --clear");
        }
        InterfaceTarget where = InterfaceTarget.parse(spec, target);
        RunningLabChange change = RunningLabChange.of(spec, lab);
        ImpairEdits.Edit edit;
        try {
            edit = new ImpairEdits.Edit(where.node(), where.interfaceName(), words);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Optional<String> now = change.underLock(state -> RuntimeImpair.apply(change.store(), state, edit));
        PrintWriter out = spec.commandLine().getOut();
        out.println("lab " + change.name() + ": " + target + now.map(text -> " impair " + text).orElse(" is not impaired"));
        out.flush();
        return ExitCodes.OK;
    }
}

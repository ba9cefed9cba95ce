package netlab.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import netlab.executor.LinkControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code netlab link LAB NODE:IF down|up}: a running lab's link taken down, or brought back up. */
@Command(name = "link", description = "Take one of a running lab's interfaces down, or bring it back up "
        + "(as ip link set dev IF down|up).")
final class LinkCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LAB|FILE", description = "The lab's name (or its topology file).")
    String lab;

    @Parameters(index = "1", paramLabel = "NODE:IF", description = "The interface, as node:interface (host:IF for the host's).")
    String target;

    @Parameters(index = "2", paramLabel = "down|up", description = "What the interface becomes.")
    String state;

    @Override
    public Integer call() {
        boolean up = switch (state) {
            case "up" -> true;
            case "down" -> false;
            default -> throw new ParameterException(spec.commandLine(), "the state is down or up, not '" + state + "'");
        };
        InterfaceTarget where = InterfaceTarget.parse(spec, target);
        RunningLabChange change = RunningLabChange.of(spec, lab);
        List<String> notes = change.underLock(labState -> LinkControl.set(labState, where.node(), where.interfaceName(), up));
        PrintWriter err = spec.commandLine().getErr();
        notes.forEach(note -> err.println("netlab: " + note));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.println("lab " + change.name() + ": " + target + " is " + state);
        out.flush();
        return ExitCodes.OK;
    }
}

package netlab.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A running lab's interface as {@code link} and {@code impair} name it: {@code NODE:IF}, {@code host:IF} for the host's. */
record InterfaceTarget(String node, String interfaceName) {
    static InterfaceTarget parse(CommandSpec spec, String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new ParameterException(spec.commandLine(), "the interface is NODE:IF (host:IF for the host's), not '"
                    + text + "'");
        }
        return new InterfaceTarget(text.substring(0, colon), text.substring(colon + 1));
    }
}

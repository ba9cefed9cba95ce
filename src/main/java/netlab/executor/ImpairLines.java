package netlab.executor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import netlab.error.LabStateException;
import netlab.topology.Impairment;
import netlab.topology.Lab;
import netlab.topology.Node;

/**
 * A lab's file text with one interface's impair line replaced: what {@code netlab impair}
 * checks and plans, so a runtime change is read by the same parser and checks as the file (units,
 * ranges, the interface's kind and MTU). The node's own line for the interface is taken out and
 * the new one, if any, written first in the node's block.
 */
final class ImpairLines {
    /** The text, and the line the new impair line is on (0 when there is none). */
    record Edited(String text, int line) {}

    private ImpairLines() {}

    static Edited replace(String text, Lab lab, String node, String interfaceName, List<String> words) {
        Node block = lab.node(node).orElseThrow(() -> new LabStateException("lab " + lab.name() + " has no node " + node));
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int header = block.source().line();
        int end = lab.nodes().stream().mapToInt(n -> n.source().line()).filter(line -> line > header).min()
                .orElse(lines.size() + 1);
        Optional<Impairment> own = block.impairments().stream().filter(i -> i.interfaceName().equals(interfaceName)).findFirst();
        if (own.isPresent()) {
            int line = own.get().source().line();
            if (line < header || line >= end) {
                throw new LabStateException(node + ":" + interfaceName + " is impaired by the 'both' at " + own.get().source()
                        + "; change that line's interface instead");
            }
            lines.remove(line - 1);
        }
        if (words.isEmpty()) {
            return new Edited(String.join("\n", lines), 0);
        }
        lines.add(header, indentOf(lines, header) + "impair " + interfaceName + " " + String.join(" ", words));
        return new Edited(String.join("\n", lines), header + 1);
    }

    /** The indentation of the block's first statement, or two blanks in an empty block. */
    private static String indentOf(List<String> lines, int header) {
        if (header < lines.size()) {
            String next = lines.get(header);
            String indent = next.substring(0, next.length() - next.stripLeading().length());
            if (!indent.isEmpty() && !next.isBlank()) {
                return indent;
            }
        }
        return "  ";
    }
}

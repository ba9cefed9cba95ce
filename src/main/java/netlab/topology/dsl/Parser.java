package netlab.topology.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.topology.Node;
import netlab.topology.Source;

/**
 * Lines to syntax: {@code lab} first, then blocks opened by {@code node NAME} or {@code host},
 * each holding the statements up to the next block. A statement with a problem is reported and
 * left out (or kept without its bad value), and parsing goes on with the next line.
 */
final class Parser {
    /** Every statement keyword with its usage, for "unknown statement" and "incomplete" messages. */
    static final Map<String, String> USAGE = Map.ofEntries(
            Map.entry("lab", "lab NAME"),
            Map.entry("node", "node NAME"),
            Map.entry("host", "host"),
            Map.entry("bridge", "bridge BR [CIDR...]"),
            Map.entry("link", "link IF to NODE:IF|[NODE:]BR [port NAME] [address CIDR...]"),
            Map.entry("macvlan", "macvlan IF on NODE:IF [mode bridge|private|vepa] [address CIDR...]"),
            Map.entry("vxlan", "vxlan IF vni N remote ADDR [local ADDR] [dstport PORT] [mtu N] [to BR]"),
            Map.entry("address", "address IF CIDR [CIDR...]"),
            Map.entry("mtu", "mtu IF N"),
            Map.entry("mac", "mac IF MAC"),
            Map.entry("route", "route DEST [via GW] [dev IF] [onlink] [metric N] [src ADDR]"),
            Map.entry("neigh", "neigh ADDR dev IF lladdr MAC|peer"),
            Map.entry("sysctl", "sysctl KEY=VALUE"),
            Map.entry("masquerade", "masquerade [src NET|ADDR] [dst [!]NET|ADDR] [out IF]"),
            Map.entry("snat", "snat ADDR [src NET|ADDR] [dst [!]NET|ADDR] [out IF]"),
            Map.entry("impair", "impair IF [rate RATE [burst SIZE]] [delay TIME [jitter TIME]] [loss PERCENT] "
                    + "[limit PACKETS] [both]"),
            Map.entry("expect", "expect [NODE] reaches|!reaches ADDR|NODE:IF [ttl N] [as ADDR] [within DURATION]"));

    private final Problems problems;
    private final StatementParser statements;
    private Word labName;
    private final List<Syntax.Block> blocks = new ArrayList<>();
    private List<Syntax.Statement> current;

    private Parser(Problems problems) {
        this.problems = problems;
        this.statements = new StatementParser(problems);
    }

    static Syntax.File parse(String file, List<String> lines, Problems problems) {
        Parser parser = new Parser(problems);
        for (int i = 0; i < lines.size(); i++) {
            List<Word> words = Lexer.words(file, i + 1, lines.get(i), problems);
            if (!words.isEmpty()) {
                parser.line(words);
            }
        }
        if (parser.blocks.isEmpty()) {
            problems.add(new Source(file, 1, 1), "nothing to build: the file has no 'node' or 'host' block");
        }
        return new Syntax.File(Optional.ofNullable(parser.labName), List.copyOf(parser.blocks));
    }

    private void line(List<Word> words) {
        Word keyword = words.getFirst();
        switch (keyword.text()) {
            case "lab" -> lab(words);
            case "node" -> node(words);
            case "host" -> {
                // Opened even with extra words, so the block's statements are not all "outside a block".
                statements.arity(words, 1);
                open(new Syntax.Block(keyword.source(), keyword, true, new ArrayList<>()));
            }
            default -> {
                if (!USAGE.containsKey(keyword.text())) {
                    problems.add(keyword, "unknown statement " + keyword.quoted()
                            + Suggestions.didYouMean(keyword.text(), USAGE.keySet()));
                } else if (current == null) {
                    problems.add(keyword, keyword.quoted() + " must be inside a 'node' or 'host' block");
                } else {
                    statements.parse(words).ifPresent(current::add);
                }
            }
        }
    }

    private void lab(List<Word> words) {
        Word keyword = words.getFirst();
        if (!statements.arity(words, 2)) {
            return;
        }
        Word name = words.get(1);
        if (!blocks.isEmpty()) {
            problems.add(keyword, "'lab' must come before the first block");
        } else if (labName != null) {
            problems.add(keyword, "lab name already given at " + labName.source());
        } else {
            String problem = Names.labProblem(name.text());
            if (problem != null) {
                problems.add(name, problem);
            } else {
                labName = name;
            }
        }
    }

    private void node(List<Word> words) {
        if (!statements.atLeast(words, 2)) {
            return;
        }
        statements.arity(words, 2);
        Word name = words.get(1);
        String problem = Names.nodeProblem(name.text());
        if (name.is(Node.HOST)) {
            problem = "'host' is the host block's name: open it with a line holding only 'host'";
        }
        if (problem != null) {
            problems.add(name, problem);
        }
        // A block with a bad name still collects its statements, so their own problems are found;
        // 'node host' is taken for the host block it surely meant, so it causes no second error.
        open(new Syntax.Block(words.getFirst().source(), name, name.is(Node.HOST), new ArrayList<>()));
    }

    private void open(Syntax.Block block) {
        blocks.add(block);
        current = block.statements();
    }
}

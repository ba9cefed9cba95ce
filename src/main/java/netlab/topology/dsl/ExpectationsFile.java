package netlab.topology.dsl;

import java.util.ArrayList;
import java.util.List;
import netlab.topology.Expectation;
import netlab.topology.Lab;

/**
 * A file of {@code expect} lines kept apart from the topology (comments and blank lines as in a
 * topology file), resolved against a lab read before. It has no blocks, so every line names its
 * node.
 */
final class ExpectationsFile {
    private static final String KEYWORD = "expect";

    private ExpectationsFile() {}

    static List<Expectation> parse(String fileName, List<String> lines, Lab lab) {
        Problems problems = new Problems(fileName, lines);
        ExpectParser parser = new ExpectParser(problems);
        ExpectationResolver resolver = new ExpectationResolver(lab, problems);
        List<Expectation> expectations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<Word> words = Lexer.words(fileName, i + 1, lines.get(i), problems);
            if (words.isEmpty()) {
                continue;
            }
            Word keyword = words.getFirst();
            if (!keyword.is(KEYWORD)) {
                problems.add(keyword, "an expectations file holds only 'expect' statements, not " + keyword.quoted()
                        + Suggestions.didYouMean(keyword.text(), List.of(KEYWORD)));
                continue;
            }
            parser.parse(words).map(Syntax.Expect.class::cast).ifPresent(expect -> {
                if (expect.node().isEmpty()) {
                    problems.add(words.get(1), "an expectations file has no blocks, so each line names its node: "
                            + "'expect NODE " + expect.reach().keyword() + " ...'");
                } else {
                    resolver.resolve(expect, null).ifPresent(expectations::add);
                }
            });
        }
        problems.throwIfAny();
        return expectations;
    }
}

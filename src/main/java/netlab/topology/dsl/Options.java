package netlab.topology.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code keyword value} options that follow a statement's fixed words, in any order:
 * a flag ({@code onlink}), one value ({@code via GW}), an interface's name ({@code dev IF}) or a
 * list running to the next option ({@code address CIDR...}). Unknown, repeated and valueless
 * options are reported.
 */
final class Options {
    /**
     * How many words an option takes. A {@code NAME} is always the next word, even one spelt like
     * an option: an interface may be called {@code src} or {@code underlay}, and a file that
     * netlab writes for such a lab must read back.
     */
    enum Arity { FLAG, ONE, NAME, MANY }

    record Spec(String name, Arity arity, String what) {}

    private final Map<String, List<Word>> values = new LinkedHashMap<>();
    private final Map<String, Word> written = new LinkedHashMap<>();

    private Options() {}

    static Options read(Word statement, List<Word> words, int from, List<Spec> specs, Problems problems) {
        Map<String, Spec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        Options options = new Options();
        int i = from;
        while (i < words.size()) {
            Word word = words.get(i++);
            Spec spec = byName.get(word.text());
            if (spec == null) {
                problems.add(word, "unknown option " + word.quoted() + " for " + statement.quoted()
                        + Suggestions.didYouMean(word.text(), byName.keySet()));
                while (i < words.size() && !byName.containsKey(words.get(i).text())) {
                    i++;
                }
                continue;
            }
            List<Word> taken = new ArrayList<>();
            if (spec.arity() == Arity.ONE && i < words.size() && !byName.containsKey(words.get(i).text())
                    || spec.arity() == Arity.NAME && i < words.size()) {
                taken.add(words.get(i++));
            }
            while (spec.arity() == Arity.MANY && i < words.size() && !byName.containsKey(words.get(i).text())) {
                taken.add(words.get(i++));
            }
            if (options.values.containsKey(spec.name())) {
                problems.add(word, "option " + word.quoted() + " given twice");
            } else if (spec.arity() != Arity.FLAG && taken.isEmpty()) {
                problems.add(word, "option " + word.quoted() + " needs " + spec.what());
            } else {
                options.values.put(spec.name(), taken);
                options.written.put(spec.name(), word);
            }
        }
        return options;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The option's own word, where a problem with the option as a whole is reported. */
    Optional<Word> keyword(String name) {
        return Optional.ofNullable(written.get(name));
    }

    Optional<Word> one(String name) {
        List<Word> words = values.get(name);
        return words == null || words.isEmpty() ? Optional.empty() : Optional.of(words.getFirst());
    }

    List<Word> many(String name) {
        return values.getOrDefault(name, List.of());
    }
}

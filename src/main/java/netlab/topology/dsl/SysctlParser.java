package netlab.topology.dsl;

import java.util.List;
import java.util.Optional;

/**
 * {@code sysctl KEY=VALUE}. Only {@code net.*} keys: they are the ones a network namespace has
 * its own copy of, so a lab never changes the machine's other settings. The key becomes a path
 * under /proc/sys, so it is dot-separated non-empty parts without '/' (no way out of net/).
 */
final class SysctlParser {
    private final Problems problems;

    SysctlParser(Problems problems) {
        this.problems = problems;
    }

    Optional<Syntax.Statement> parse(List<Word> words) {
        if (!new StatementParser(problems).arity(words, 2)) {
            return Optional.empty();
        }
        Word setting = words.get(1);
        int equals = setting.text().indexOf('=');
        if (equals < 0) {
            problems.add(setting, "expected KEY=VALUE, found " + setting.quoted());
            return Optional.empty();
        }
        Word key = setting.slice(0, equals);
        String value = setting.text().substring(equals + 1);
        if (!key.text().startsWith("net.")) {
            problems.add(key, "sysctl key " + key.quoted() + " is outside net.*; only net.* keys can be set");
            return Optional.empty();
        }
        for (String part : key.text().split("\\.", -1)) {
            if (part.isEmpty() || part.indexOf('/') >= 0 || part.chars().anyMatch(Character::isISOControl)) {
                problems.add(key, "malformed sysctl key " + key.quoted());
                return Optional.empty();
            }
        }
        if (value.isEmpty()) {
            problems.add(setting.slice(equals, equals + 1), "sysctl " + key.quoted() + " needs a value after '='");
            return Optional.empty();
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            problems.add(setting.slice(equals + 1, setting.text().length()), "sysctl value may not contain control characters");
            return Optional.empty();
        }
        return Optional.of(new Syntax.Sysctl(words.getFirst().source(), key, value));
    }
}

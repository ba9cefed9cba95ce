package netlab.topology.dsl;

import java.util.Collection;
import java.util.Optional;

/** "did you mean" for a misspelt word: the closest candidate by edit distance, if close enough. */
public final class Suggestions {
    /** Words longer than this are not typos of a keyword or a name; no distance is computed. */
    private static final int MAX_LENGTH = 64;
    /** A lab of a million nodes must not make each "unknown node" cost a million comparisons. */
    private static final int MAX_CANDIDATES = 2000;

    private Suggestions() {}

    /** {@code " (did you mean 'x'?)"}, or an empty string when no candidate is close. */
    public static String didYouMean(String word, Collection<String> candidates) {
        return closest(word, candidates).map(best -> " (did you mean " + Word.quote(best) + "?)").orElse("");
    }

    /** The candidate closest to {@code word}, if it is close enough to be what was meant. */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        if (word.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int examined = 0;
        for (String candidate : candidates) {
            if (examined++ == MAX_CANDIDATES) {
                break;
            }
            if (candidate.length() > MAX_LENGTH || candidate.equals(word)) {
                continue;
            }
            int distance = distance(word, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // One edit per three letters, at least one: 'adress' -> 'address', 'rout' -> 'route'.
        int allowed = Math.max(1, Math.min(word.length(), best == null ? 0 : best.length()) / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

package netlab.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import netlab.check.Pingall;
import netlab.topology.Lab;
import netlab.topology.Addresses;

/**
 * {@code netlab pingall}'s report. Text in Mininet's spirit: a line per node with the nodes it
 * reached, X for one it reached at none of its addresses, {@code ns3(1/2)} for one it reached at
 * some; then the count of pairs that answered. JSON lists every pair.
 */
final class PingallReport {
    private PingallReport() {}

    /** The text report, a node that did not answer (X) or not always (NODE(1/2)) in {@code colour}'s red. */
    static String text(Lab lab, List<Pingall.Pair> pairs, Duration took, Colour colour) {
        // Per sending node, per node reached: [answered, probed]; pairs come grouped by sender.
        Map<String, Map<String, int[]>> counts = new LinkedHashMap<>();
        for (Pingall.Pair pair : pairs) {
            int[] count = counts.computeIfAbsent(pair.from(), f -> new LinkedHashMap<>())
                    .computeIfAbsent(pair.to(), t -> new int[2]);
            count[0] += pair.answered() ? 1 : 0;
            count[1]++;
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((from, reached) -> {
            text.append(from).append(" ->");
            reached.forEach((to, count) -> {
                text.append(' ');
                if (count[0] == count[1]) {
                    text.append(to);
                } else if (count[0] == 0) {
                    text.append(colour.red("X"));
                } else {
                    text.append(colour.red(to + "(" + count[0] + "/" + count[1] + ")"));
                }
            });
            text.append('\n');
        });
        long answered = pairs.stream().filter(Pingall.Pair::answered).count();
        text.append(String.format(Locale.ROOT, "lab %s: %d of %d pairs answered (%d%% dropped) in %.2f s%n",
                lab.name(), answered, pairs.size(), pairs.isEmpty() ? 0 : 100 * (pairs.size() - answered) / pairs.size(),
                took.toMillis() / 1000.0));
        return text.toString();
    }

    static String json(String lab, List<Pingall.Pair> pairs, Duration took) {
        JsonWriter json = JsonSchema.document();
        json.name("lab").value(lab);
        json.name("pairs").value(pairs.size());
        json.name("answered").value(pairs.stream().filter(Pingall.Pair::answered).count());
        json.name("took_ms").value(took.toMillis());
        json.name("results").beginArray();
        for (Pingall.Pair pair : pairs) {
            json.beginObject().name("from").value(pair.from()).name("to").value(pair.to())
                    .name("interface").value(pair.toInterface()).name("address").value(Addresses.format(pair.address()))
                    .name("answered").value(pair.answered());
            json.name("ttl");
            if (pair.answered()) {
                json.value(pair.result().reply().get().ttl());
            } else {
                json.nullValue();
            }
            json.name("failure").value(pair.result().failure());
            json.endObject();
        }
        return json.endArray().endObject() + "\n";
    }
}

package netlab.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where two {@link KernelState}s differ, one line per difference, named by namespace, object
 * and field: {@code netns ns1, link eth0: mtu: 1500 after plan, 9000 after up}. The hundred or
 * so sysctls of an interface that only one side has make one line, not a hundred.
 */
public final class StateDiff {
    private static final int SHOWN_FIELDS_CHARS = 300;
    /** An interface's own sysctl; sysctl(8) writes a '.' of its name as '/'. */
    private static final Pattern INTERFACE_SYSCTL = Pattern.compile("sysctl net\\.ipv[46]\\.(?:conf|neigh)\\.([^.]+)\\..*");

    private final String leftName;
    private final String rightName;
    private final List<String> lines = new ArrayList<>();

    private StateDiff(String leftName, String rightName) {
        this.leftName = leftName;
        this.rightName = rightName;
    }

    /** The differences, in namespace and object order; empty when the states are equal. */
    public static List<String> between(KernelState left, String leftName, KernelState right, String rightName) {
        StateDiff diff = new StateDiff(leftName, rightName);
        for (String namespace : union(left.namespaces(), right.namespaces())) {
            var a = left.namespaces().get(namespace);
            var b = right.namespaces().get(namespace);
            if (a == null || b == null) {
                diff.lines.add(namespace + ": only after " + diff.side(a));
            } else {
                diff.namespace(namespace, a, b);
            }
        }
        return diff.lines;
    }

    private void namespace(String namespace, Map<String, Map<String, String>> left, Map<String, Map<String, String>> right) {
        Map<String, Integer> sysctlsOfOneSidedLinks = new TreeMap<>();
        for (String object : union(left, right)) {
            Map<String, String> a = left.get(object);
            Map<String, String> b = right.get(object);
            if (a != null && b != null) {
                for (String field : union(a, b)) {
                    if (!Objects.equals(a.get(field), b.get(field))) {
                        lines.add(namespace + ", " + object + ": " + field + ": " + value(a.get(field)) + " after "
                                + leftName + ", " + value(b.get(field)) + " after " + rightName);
                    }
                }
                continue;
            }
            Matcher sysctl = INTERFACE_SYSCTL.matcher(object);
            String link = sysctl.matches() ? "link " + sysctl.group(1).replace('/', '.') : null;
            if (link != null && left.containsKey(link) != right.containsKey(link)) {
                sysctlsOfOneSidedLinks.merge(sysctl.group(1) + ".*: only after " + side(a), 1, Integer::sum);
            } else {
                lines.add(namespace + ", " + object + ": only after " + side(a) + " " + shown(a == null ? b : a));
            }
        }
        sysctlsOfOneSidedLinks.forEach((what, count) ->
                lines.add(namespace + ", the " + count + " sysctls net.ipv{4,6}.{conf,neigh}." + what));
    }

    /** The side that has it, when the left one's is {@code left}. */
    private String side(Object left) {
        return left == null ? rightName : leftName;
    }

    private static TreeSet<String> union(Map<String, ?> a, Map<String, ?> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static String value(String value) {
        return value == null ? "(none)" : value.isEmpty() ? "\"\"" : value;
    }

    private static String shown(Map<String, String> fields) {
        String text = fields.toString();
        return text.length() <= SHOWN_FIELDS_CHARS ? text : text.substring(0, SHOWN_FIELDS_CHARS) + "...}";
    }
}

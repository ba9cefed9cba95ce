package netlab.cli;

import java.util.ArrayList;
import java.util.List;
import netlab.executor.LabView;

/**
 * {@code netlab show}: the lab view for people. Interfaces as an aligned table in the manner of
 * {@code ip -br addr}, routes and neighbours word for word as {@code ip route} and {@code ip neigh} print them,
 * NAT rules as {@code nft list table} does. A veth's PEER is its other end as {@code NODE:IFNAME}.
 */
final class ShowText {
    private static final List<String> HEADINGS = List.of("INTERFACE", "STATE", "MAC", "MTU", "KIND", "MASTER", "PEER", "ADDRESSES");

    private ShowText() {}

    static String render(LabView lab) {
        StringBuilder text = new StringBuilder("lab ").append(lab.lab());
        if (lab.broken()) {
            text.append(" (broken: interrupted while brought up or down; shown as far as it exists; remove it with: netlab down ")
                    .append(lab.lab()).append(')');
        }
        text.append('\n');
        lab.notCompared().ifPresent(why -> text.append("  not compared with the lab's plan (").append(why)
                .append("): only routes are marked as made by hand\n"));
        for (LabView.Node node : lab.nodes()) {
            text.append('\n').append(node.name()).append('\n');
            node.problems().forEach(problem -> text.append("  cannot read: ").append(problem).append('\n'));
            if (node.interfaces().isEmpty() && !node.problems().isEmpty()) {
                continue; // nothing of it could be read
            }
            interfaces(text, node.interfaces());
            List<String> queues = node.interfaces().stream().filter(i -> i.queue().isPresent())
                    .map(i -> i.name() + ": " + i.queue().get()).toList();
            if (!queues.isEmpty()) {
                section(text, "queues (impair)", queues);
            }
            section(text, "routes", node.routes().stream().map(ShowText::route).toList());
            section(text, "neighbours", node.neighbours().stream().map(ShowText::neighbour).toList());
            for (LabView.NatTable table : node.tables()) {
                // A netdev table holds loss chains (impair ... loss): what arrives at impair-IF's IF.
                section(text, (table.family().equals("netdev") ? "loss" : "nat") + " (table " + table.family() + " "
                        + table.name() + ")",
                        table.rules().stream().map(rule -> rule.chain() + ": " + rule.text()).toList());
            }
            if (!node.sysctls().isEmpty()) {
                section(text, "sysctls set by the lab (live values)", node.sysctls().stream()
                        .map(s -> s.key() + " = " + s.value()
                                + s.set().filter(set -> !set.equals(s.value())).map(set -> " (the lab set " + set + ")").orElse(""))
                        .toList());
            }
            List<String> byHand = byHand(node);
            if (!byHand.isEmpty()) {
                section(text, "made by hand since up (not the lab's)", byHand);
            }
        }
        return text.toString();
    }

    /** What {@code ip} would add or delete to get back to the lab: each named as ip names it. */
    private static List<String> byHand(LabView.Node node) {
        List<String> lines = new ArrayList<>();
        for (LabView.Interface i : node.interfaces()) {
            if (i.byHand()) {
                lines.add("interface " + i.name());
            }
            i.addresses().stream().filter(LabView.Address::byHand).forEach(a -> lines.add("address " + a + " dev " + i.name()));
        }
        node.routes().stream().filter(LabView.Route::byHand).forEach(r -> lines.add("route " + route(r)));
        node.neighbours().stream().filter(LabView.Neighbour::byHand).forEach(n -> lines.add("neighbour " + neighbour(n)));
        return lines;
    }

    private static String neighbour(LabView.Neighbour n) {
        return n.address() + " dev " + n.device() + n.mac().map(mac -> " lladdr " + mac).orElse("") + " PERMANENT";
    }

    private static void interfaces(StringBuilder text, List<LabView.Interface> interfaces) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (LabView.Interface i : interfaces) {
            rows.add(List.of(i.name(), i.operState() + (i.adminUp() ? "" : " (admin down)"), i.mac().orElse("-"),
                    Integer.toString(i.mtu()), i.kind().orElse("-"), i.master().orElse("-"), i.peer().map(Object::toString).orElse("-"),
                    String.join(" ", i.addresses().stream().map(LabView.Address::toString).toList())));
        }
        int[] widths = new int[HEADINGS.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < row.size(); c++) {
                line.append(c == row.size() - 1 ? row.get(c) : String.format("%-" + widths[c] + "s  ", row.get(c)));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        text.append("  ").append(title).append(':');
        if (lines.isEmpty()) {
            text.append(" none\n");
            return;
        }
        text.append('\n');
        lines.forEach(line -> text.append("    ").append(line).append('\n'));
    }

    /** As {@code ip route} prints it: proto boot and scope global are left out, as ip does. */
    static String route(LabView.Route r) {
        List<String> words = new ArrayList<>();
        r.type().ifPresent(words::add);
        words.add(r.destination());
        r.gateway().ifPresent(gateway -> words.add("via " + gateway));
        r.device().ifPresent(dev -> words.add("dev " + dev));
        if (!r.protocol().equals("boot")) {
            words.add("proto " + r.protocol());
        }
        if (!r.scope().equals("global")) {
            words.add("scope " + r.scope());
        }
        r.preferredSource().ifPresent(src -> words.add("src " + src));
        r.metric().ifPresent(metric -> words.add("metric " + metric));
        words.addAll(r.flags());
        r.preference().ifPresent(pref -> words.add("pref " + pref));
        return String.join(" ", words);
    }
}

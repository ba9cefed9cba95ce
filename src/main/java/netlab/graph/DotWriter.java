package netlab.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph in Graphviz's DOT language, laid out left to right. Each box is a small table: its
 * title, its NAT rules and lone addresses, then one row per interface that a line meets ("eth0
 * 192.168.0.1/24"), and the line leaves from that row (a DOT port). Labels at a line's ends, the
 * other way, overlap their own lines and each other as soon as a box has three.
 */
public final class DotWriter {
    private DotWriter() {}

    public static String write(Graph graph) {
        Map<String, Map<String, List<String>>> ports = ports(graph);
        StringBuilder dot = new StringBuilder();
        dot.append("graph ").append(quoted(graph.lab())).append(" {\n");
        dot.append("  graph [rankdir=LR, ranksep=1.0, nodesep=0.2, fontname=\"Helvetica\", labelloc=t, label=")
                .append(quoted("lab " + graph.lab())).append("];\n");
        dot.append("  node [shape=plain, fontname=\"Helvetica\", fontsize=11];\n");
        dot.append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        for (Graph.Vertex vertex : graph.vertices()) {
            dot.append("  ").append(quoted(vertex.id())).append(" [label=<")
                    .append(table(vertex, ports.get(vertex.id()))).append(">];\n");
        }
        for (Graph.Edge edge : graph.edges()) {
            dot.append("  ").append(end(edge.from(), edge.fromEnd(), ports)).append(" -- ")
                    .append(end(edge.to(), edge.toEnd(), ports)).append(" [").append(style(edge.style()));
            if (!edge.label().isEmpty()) {
                dot.append(", label=").append(quoted(edge.label()));
            }
            dot.append("];\n");
        }
        return dot.append("}\n").toString();
    }

    /** Each box's interfaces that lines meet, by name, in the order the lines come: p0, p1, ... */
    private static Map<String, Map<String, List<String>>> ports(Graph graph) {
        Map<String, Map<String, List<String>>> ports = new LinkedHashMap<>();
        graph.vertices().forEach(v -> ports.put(v.id(), new LinkedHashMap<>()));
        for (Graph.Edge edge : graph.edges()) {
            addPort(ports, edge.from(), edge.fromEnd());
            addPort(ports, edge.to(), edge.toEnd());
        }
        return ports;
    }

    private static void addPort(Map<String, Map<String, List<String>>> ports, String vertex, List<String> end) {
        if (!end.isEmpty()) {
            ports.computeIfAbsent(vertex, v -> new LinkedHashMap<>()).putIfAbsent(end.getFirst(), end);
        }
    }

    private static String end(String vertex, List<String> end, Map<String, Map<String, List<String>>> ports) {
        if (end.isEmpty() || !ports.containsKey(vertex)) {
            return quoted(vertex);
        }
        int port = new ArrayList<>(ports.get(vertex).keySet()).indexOf(end.getFirst());
        return quoted(vertex) + ":p" + port;
    }

    private static String table(Graph.Vertex vertex, Map<String, List<String>> ports) {
        StringBuilder html = new StringBuilder("<table border=\"").append(vertex.shape() == Graph.Shape.HOST ? 2 : 1)
                .append("\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"3\" bgcolor=\"")
                .append(colour(vertex.shape())).append("\"").append(vertex.shape() == Graph.Shape.NAMESPACE ? " style=\"rounded\"" : "")
                .append(">");
        html.append("<tr><td><b>").append(html(vertex.title())).append("</b></td></tr>");
        for (String line : vertex.lines()) {
            html.append("<tr><td align=\"left\"><font point-size=\"9\">").append(html(line)).append("</font></td></tr>");
        }
        int port = 0;
        for (List<String> end : ports == null ? List.<List<String>>of() : ports.values()) {
            html.append("<tr><td port=\"p").append(port++).append("\" align=\"left\" border=\"1\" sides=\"t\">")
                    .append(html(String.join("  ", end))).append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static String colour(Graph.Shape shape) {
        return switch (shape) {
            case HOST -> "#e8e8e8";
            case NAMESPACE -> "#dcecfb";
            case BRIDGE -> "#fff2cc";
        };
    }

    private static String style(Graph.Style style) {
        return switch (style) {
            case VETH -> "penwidth=1.5";
            case MACVLAN -> "style=dashed, color=\"#7a4fa0\", fontcolor=\"#7a4fa0\"";
            case BRIDGE_OF -> "style=dotted";
        };
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\p{Cntrl}", "?") + "\"";
    }

    /** Text inside an HTML-like label: the four characters HTML reads, and no control characters. */
    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replaceAll("\\p{Cntrl}", "?");
    }
}

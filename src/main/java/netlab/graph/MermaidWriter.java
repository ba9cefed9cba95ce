package netlab.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A graph as a Mermaid flowchart, for a README or a wiki page that renders Mermaid. Mermaid has no
 * labels at a line's ends, so each veth's two ends share its middle label: "eth0 192.168.0.1/24 —
 * ns1-eth0". Boxes get short ids (n0, n1, ...): node names may hold characters Mermaid reads.
 */
public final class MermaidWriter {
    private MermaidWriter() {}

    public static String write(Graph graph) {
        Map<String, String> ids = new HashMap<>();
        StringBuilder text = new StringBuilder("---\ntitle: ").append(escaped("lab " + graph.lab())).append("\n---\n");
        text.append("flowchart LR\n");
        for (Graph.Vertex vertex : graph.vertices()) {
            String id = "n" + ids.size();
            ids.put(vertex.id(), id);
            String label = "\"" + String.join("<br/>", lines(vertex)) + "\"";
            text.append("  ").append(id).append(switch (vertex.shape()) {
                case HOST -> "[[" + label + "]]";
                case NAMESPACE -> "(" + label + ")";
                case BRIDGE -> "([" + label + "])";
            }).append('\n');
        }
        for (Graph.Edge edge : graph.edges()) {
            String from = ids.getOrDefault(edge.from(), edge.from());
            String to = ids.getOrDefault(edge.to(), edge.to());
            String label = label(edge);
            String line = switch (edge.style()) {
                case VETH -> "---";
                case MACVLAN -> "-.-";
                case BRIDGE_OF -> "-.-";
            };
            text.append("  ").append(from).append(' ').append(line);
            if (!label.isEmpty()) {
                text.append("|\"").append(label).append("\"|");
            }
            text.append(' ').append(to).append('\n');
        }
        return text.toString();
    }

    private static List<String> lines(Graph.Vertex vertex) {
        List<String> lines = new java.util.ArrayList<>(List.of("<b>" + escaped(vertex.title()) + "</b>"));
        vertex.lines().forEach(line -> lines.add(escaped(line)));
        return lines;
    }

    private static String label(Graph.Edge edge) {
        List<String> parts = new java.util.ArrayList<>();
        if (!edge.label().isEmpty()) {
            parts.add(escaped(edge.label()));
        }
        String from = String.join(" ", edge.fromEnd());
        String to = String.join(" ", edge.toEnd());
        if (!from.isEmpty() || !to.isEmpty()) {
            parts.add(escaped(from) + " — " + escaped(to));
        }
        return String.join("<br/>", parts);
    }

    /** Mermaid reads entity codes in quoted labels: #quot; for '"', and '<' '>' would be HTML. */
    private static String escaped(String text) {
        return text.replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;")
                .replaceAll("\\p{Cntrl}", "?");
    }
}

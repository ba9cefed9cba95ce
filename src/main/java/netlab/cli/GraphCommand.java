package netlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import netlab.executor.LabInspector;
import netlab.executor.LabView;
import netlab.executor.PlanToCompare;
import netlab.graph.DotWriter;
import netlab.graph.Graph;
import netlab.graph.GraphvizDot;
import netlab.graph.LabGraph;
import netlab.graph.MermaidWriter;
import netlab.state.LabState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "graph", description = {"Draw a lab: nodes, bridges, links with their interfaces and addresses, NAT rules.",
        "From a FILE the plan; from a LAB that is up what the kernel reports (changes made by hand included)."})
final class GraphCommand implements Runnable {
    enum Format {
        svg, png, dot, mermaid
    }

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "LAB|FILE", description = "A topology file (its plan), or the name of a lab that is up.")
    String lab;

    @Option(names = "--format", paramLabel = "FORMAT", description = "svg, png, dot or mermaid (default: from OUT's "
            + "extension, .svg .png .dot/.gv .mmd; else dot). svg and png need Graphviz's dot.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to OUT instead of standard output.")
    Path output;

    @Override
    public void run() {
        Format chosen = format != null ? format : fromExtension();
        Graph graph = graph();
        byte[] bytes = switch (chosen) {
            case dot -> DotWriter.write(graph).getBytes(StandardCharsets.UTF_8);
            case mermaid -> MermaidWriter.write(graph).getBytes(StandardCharsets.UTF_8);
            case svg, png -> GraphvizDot.render(DotWriter.write(graph), chosen.name());
        };
        write(bytes, chosen);
    }

    private Graph graph() {
        if (Labs.isTopologyFile(lab)) {
            return LabGraph.planned(Labs.read(Path.of(lab)));
        }
        String name = Labs.nameOf(lab);
        Placement.forwardIfHeld(spec.commandLine(), Labs.store(), name);
        LabState state = Labs.requireWhole(Labs.requireUp(Labs.store(), name));
        Privileges.requireAdmin();
        NettyLogging.quiet();
        // The file says which veth ends pair and which bridge a port is on; the kernel says the rest.
        // Every node, and nothing to compare with: the picture shows what is there, by hand or not.
        LabView view = LabInspector.inspect(state, node -> true, PlanToCompare.none("a picture compares nothing"));
        return LabGraph.running(Labs.recordedLab(state), view);
    }

    private Format fromExtension() {
        String file = output == null ? "" : output.getFileName().toString().toLowerCase(Locale.ROOT);
        if (file.endsWith(".svg")) {
            return Format.svg;
        }
        if (file.endsWith(".png")) {
            return Format.png;
        }
        if (file.endsWith(".mmd") || file.endsWith(".mermaid")) {
            return Format.mermaid;
        }
        return Format.dot;
    }

    private void write(byte[] bytes, Format chosen) {
        try {
            if (output != null) {
                Files.write(output, bytes);
            } else if (chosen == Format.png) {
                System.out.write(bytes); // bytes, not text: picocli's writer would encode them
                System.out.flush();
            } else {
                spec.commandLine().getOut().print(new String(bytes, StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
            }
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot write " + output + ": " + e.getMessage(), e, null, null);
        }
    }
}

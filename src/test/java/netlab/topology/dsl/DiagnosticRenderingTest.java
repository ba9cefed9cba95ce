package netlab.topology.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.topology.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How problems are shown: location, message, the line quoted, a caret under the column. */
class DiagnosticRenderingTest {
    @Test
    void rendersEveryProblemWithItsLineCaretAndSuggestion() {
        String text = "node ns1\n  link eth0 to ns2:eth0\n  adress eth0 10.0.0.1/24\nnode ns2\n\tmtu eth0 99999\n";

        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyReader.parse("lan.topo", text));

        assertThat(e.getMessage()).isEqualTo("""
                lan.topo:3:3: unknown statement 'adress' (did you mean 'address'?)
                    adress eth0 10.0.0.1/24
                    ^
                lan.topo:5:11: mtu 99999 is out of range (68..65535)
                  \tmtu eth0 99999
                  \t         ^""");
        assertThat(e.diagnostics()).hasSize(2);
        assertThat(e.diagnostics().getFirst().source()).isEqualTo(new Source("lan.topo", 3, 3));
        assertThat(e.diagnostics().getFirst().lineText()).isEqualTo("  adress eth0 10.0.0.1/24");
    }

    @Test
    void longLinesAreShownAsAWindowAroundTheColumn() {
        String line = "x".repeat(500) + " bad";
        Diagnostic d = new Diagnostic(new Source("f.topo", 1, 502), "m", line);

        String[] rows = d.render().split("\n");

        assertThat(rows[1]).hasSize(2 + 3 + Diagnostic.WINDOW).startsWith("  ...").endsWith("bad");
        assertThat(rows[2].indexOf('^')).isEqualTo(rows[1].indexOf("bad"));
    }

    @Test
    void controlCharactersAreNotSentToTheTerminal() {
        Diagnostic d = new Diagnostic(new Source("f.topo", 1, 6), "unknown node", "node \u001b[2Jx");
        assertThat(d.render()).doesNotContain("\u001b").contains("node ?[2Jx");
    }

    @Test
    void anUnreadableFileIsReportedWithoutALine(@TempDir Path dir) {
        Path missing = dir.resolve("missing.topo");
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyReader.read(missing));
        assertThat(e.getMessage()).isEqualTo(missing + ": cannot read the file: no such file");
    }

    @Test
    void readUsesThePathAsGivenInMessages(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.topo"), "node a\n  brige br0\n");
        TopologyException e = catchThrowableOfType(TopologyException.class, () -> TopologyReader.read(file));
        assertThat(e.summaries()).containsExactly(file + ":2:3: unknown statement 'brige' (did you mean 'bridge'?)");
    }

    @Test
    void aFileNameCannotDriveTheTerminal() {
        Diagnostic problem = new Diagnostic(new netlab.topology.Source("x\u001b[2Jy\tz.topo", 3, 1), "unknown statement 'q'", "q");

        assertThat(problem.toString()).isEqualTo("x?[2Jy?z.topo:3:1: unknown statement 'q'");
        assertThat(problem.render()).doesNotContain("\u001b");
    }
}

package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A lab name from the command line becomes a path under /run/netlab: unsafe ones never get there. */
class LabNamesTest {
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = NetlabCommand.commandLine();
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void pathLikeLabNamesAreRefusedBeforeAnyFileIsRead() {
        assertThat(run("down", "../../etc")).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(run("show", "..")).isEqualTo(ExitCodes.LAB_STATE);
        assertThat(run("down", "-f", ".hidden")).isEqualTo(ExitCodes.LAB_STATE);

        assertThat(err.toString()).isEqualTo("netlab: not a lab name: '../../etc'\n"
                + "netlab: not a lab name: '..'\n"
                + "netlab: not a lab name: '.hidden'\n");
    }
}

package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man pages written from the command definitions: one per verb, each rendered by man without a warning. */
class ManPagesTest {
    @TempDir
    Path directory;

    @Test
    void writesNetlabAndOnePagePerVisibleVerb() throws Exception {
        List<String> expected = new ArrayList<>(List.of("netlab.1"));
        NetlabCommand.commandLine().getSubcommands().keySet().stream()
                .filter(verb -> !verb.equals("help") && !verb.equals(CompleteNamesCommand.NAME))
                .forEach(verb -> expected.add("netlab-" + verb + ".1"));

        List<Path> pages = ManPages.write(directory);

        assertThat(pages.stream().map(page -> page.getFileName().toString())).containsExactlyElementsOf(expected);
        try (var listed = Files.list(directory)) {
            assertThat(listed.count()).isEqualTo(expected.size());
        }
    }

    @Test
    void manRendersEveryPageWithoutAWarning() throws Exception {
        for (Path page : ManPages.write(directory)) {
            Shell.Result man = render(page);
            String name = page.getFileName().toString().replace(".1", "");

            assertThat(man.exitCode()).as(page.toString()).isZero();
            assertThat(man.stderr()).as(page.toString()).isEmpty();
            assertThat(man.stdout()).as(page.toString()).startsWith(name.toUpperCase() + "(1)")
                    .contains("NAME\n       " + name + " - ", "SYNOPSIS\n       netlab", "OPTIONS\n");
        }
    }

    @Test
    void theUpPageSaysWhatUpHelpSays() throws Exception {
        ManPages.write(directory);

        String up = render(directory.resolve("netlab-up.1")).stdout();

        assertThat(up).contains("ARGUMENTS\n       FILE   The topology file (.topo).\n", "       --dry-run\n");
        assertThat(render(directory.resolve("netlab.1")).stdout()).contains("EXIT STATUS\n", "netlab-up(1)", "netlab-completion(1)");
    }

    /** The oracle can fail: a page with an unknown request makes man warn. */
    @Test
    void manWarnsAboutABrokenPage() throws Exception {
        Path broken = Files.writeString(directory.resolve("broken.1"), ".TH BROKEN 1\n.SH NAME\nbroken \\- x\n.XYZ what\n");

        assertThat(render(broken).stderr()).contains("XYZ");
    }

    private static Shell.Result render(Path page) {
        // A fixed width and language, so what the assertions read does not depend on the machine.
        return Shell.run("env", "MANWIDTH=80", "LANG=C.UTF-8", "MAN_KEEP_FORMATTING=", "man", "--warnings", "-E", "ascii",
                "-l", page.toString());
    }
}

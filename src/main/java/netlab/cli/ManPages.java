package netlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes the man pages, netlab.1 and netlab-VERB.1 for each verb, from the command definitions;
 * make runs it after the build. Troff is written here directly (picocli's ManPageGenerator
 * writes AsciiDoc, and no AsciiDoc renderer is at hand offline).
 */
public final class ManPages {
    private ManPages() {}

    /** {@code java -cp netlab.jar netlab.cli.ManPages DIR}: writes the pages into DIR. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ManPages DIRECTORY");
            System.exit(ExitCodes.USAGE);
        }
        write(Path.of(args[0])).forEach(page -> System.out.println("wrote " + page));
    }

    /** Writes every page into {@code directory}, made if missing, and returns their paths. */
    public static List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        CommandLine root = NetlabCommand.commandLine();
        String version = VersionProvider.version();
        List<Path> pages = new ArrayList<>();
        pages.add(page(directory, "netlab", ManPage.of(root.getCommandSpec(), "netlab", version)));
        for (Map.Entry<String, CommandLine> verb : root.getSubcommands().entrySet()) {
            CommandSpec spec = verb.getValue().getCommandSpec();
            if (!spec.usageMessage().hidden() && !verb.getKey().equals("help")) {
                String name = "netlab-" + verb.getKey();
                pages.add(page(directory, name, ManPage.of(spec, name, version)));
            }
        }
        return pages;
    }

    private static Path page(Path directory, String name, String text) throws IOException {
        return Files.writeString(directory.resolve(name + ".1"), text);
    }
}

package netlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The topology files the repository ships in {@code topologies/}, in name order. */
public final class ShippedTopologies {
    /** Where they are, seen from the tests' working directory (the module directory src/). */
    public static final Path DIRECTORY = Path.of("../topologies");

    private ShippedTopologies() {}

    /**
     * The ones root can bring up in the machine's own namespaces: all but those whose host goes
     * out through tap0, which only a lab in namespaces of its own has (rootless.topo; its tests
     * bring it up as an ordinary user, see netlab.rootless).
     */
    public static List<Path> machineWide() {
        return files().stream().filter(file -> !goesOutThroughTap0(file)).toList();
    }

    /** The ones only a lab in namespaces of its own can bring up (docs/rootless.md). */
    public static List<Path> heldOnly() {
        return files().stream().filter(ShippedTopologies::goesOutThroughTap0).toList();
    }

    private static boolean goesOutThroughTap0(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.strip().matches("(masquerade|snat) .*out tap0.*"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> files() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(file -> file.toString().endsWith(".topo")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

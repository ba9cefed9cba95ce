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

    public static List<Path> files() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(file -> file.toString().endsWith(".topo")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

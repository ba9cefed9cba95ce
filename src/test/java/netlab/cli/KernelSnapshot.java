package netlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import netlab.testing.Shell;

/**
 * Everything of the sandbox that netlab could change, as text read by independent tools: two
 * equal snapshots mean nothing was created, changed or left behind.
 */
record KernelSnapshot(String namespaces, String links, String addresses, String routes, String ruleset,
        String ipForward, String runNetlab, String runNetns) {
    static KernelSnapshot take() {
        return new KernelSnapshot(
                Shell.check("ip", "netns", "list"),
                Shell.check("ip", "-j", "link"),
                // An IPv6 address stops being "tentative" when its duplicate address detection ends,
                // on its own time: that is not a change anyone made.
                Shell.check("ip", "-j", "addr").replace(",\"tentative\":true", ""),
                Shell.check("ip", "-j", "route", "show", "table", "all"),
                Shell.check("nft", "list", "ruleset"),
                read(Path.of("/proc/sys/net/ipv4/ip_forward")).strip(),
                tree(Path.of("/run/netlab"), true),
                tree(Path.of("/run/netns"), false));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every path under {@code root} (and, if asked, the contents of its files). The root itself is
     * left out: an empty /run/netlab, like an empty /run/netns, is no trace of a lab.
     */
    private static String tree(Path root, boolean contents) {
        if (!Files.exists(root)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(root)).sorted().toList()) {
                text.append(path).append('\n');
                if (contents && Files.isRegularFile(path)) {
                    text.append(read(path)).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}

package netlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a lab could leave behind in the sandbox, read by independent tools (ip, nft, the file
 * system, the mount table): besides the kernel's objects, /run/netlab, /run/netns, /etc/netns
 * (links with their targets) and every mount under /run/netlab or /etc/netns (the nodes' UTS
 * namespaces are bound there). {@link #take()} is everything (links, addresses and routes as ip -j prints them);
 * {@link #names()} keeps of the links only the host's link names and leaves out addresses and
 * routes, for tests that must not wait on the kernel's asynchronous removal of a deleted
 * namespace's devices.
 */
public record KernelTraces(String namespaces, String links, String addresses, String routes, String ruleset,
        String ipForward, String runNetlab, String runNetns, String etcNetns, String mounts) {
    private static final Pattern IFNAME = Pattern.compile("\"ifname\":\"([^\"]+)\"");

    public static KernelTraces take() {
        return new KernelTraces(
                Shell.check("ip", "netns", "list"),
                Shell.check("ip", "-j", "link"),
                // IPv6 duplicate address detection ends on its own time: not a change anyone made.
                Shell.check("ip", "-j", "addr").replace(",\"tentative\":true", ""),
                Shell.check("ip", "-j", "route", "show", "table", "all"),
                Shell.check("nft", "list", "ruleset"),
                TextFile.read(Path.of("/proc/sys/net/ipv4/ip_forward")).strip(),
                tree(Path.of("/run/netlab"), true),
                tree(Path.of("/run/netns"), false),
                tree(Path.of("/etc/netns"), true),
                labMounts());
    }

    public static KernelTraces names() {
        StringBuilder links = new StringBuilder();
        Matcher names = IFNAME.matcher(Shell.check("ip", "-j", "link"));
        while (names.find()) {
            links.append(names.group(1)).append('\n');
        }
        return new KernelTraces(
                Shell.check("ip", "netns", "list"),
                links.toString(),
                "",
                "",
                Shell.check("nft", "list", "ruleset"),
                TextFile.read(Path.of("/proc/sys/net/ipv4/ip_forward")).strip(),
                tree(Path.of("/run/netlab"), true),
                tree(Path.of("/run/netns"), false),
                tree(Path.of("/etc/netns"), true),
                labMounts());
    }

    /** The mount points under /run/netlab and /etc/netns, as /proc/self/mountinfo lists them. */
    private static String labMounts() {
        StringBuilder text = new StringBuilder();
        for (String line : TextFile.read(Path.of("/proc/self/mountinfo")).split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length > 4 && (fields[4].startsWith("/run/netlab/") || fields[4].startsWith("/etc/netns"))) {
                text.append(fields[4]).append('\n');
            }
        }
        return text.toString();
    }

    /** Every path under {@code root} (and, if asked, its files' contents); not the root itself. */
    private static String tree(Path root, boolean contents) {
        if (!Files.exists(root)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(p -> !p.equals(root)).sorted().toList()) {
                text.append(path);
                if (Files.isSymbolicLink(path)) {
                    text.append(" -> ").append(Files.readSymbolicLink(path));
                }
                text.append('\n');
                if (contents && Files.isRegularFile(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        text.append(Files.readString(path)).append('\n');
                    } catch (IOException e) {
                        // A node's UTS namespace bound on a file: there, but nothing to read.
                        text.append("(not readable: ").append(e.getMessage()).append(")\n");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}

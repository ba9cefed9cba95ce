package netlab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Whether the running kernel has a feature, from what it says of itself: its build configuration
 * (/proc/config.gz, when the kernel keeps it), the modules loaded (/proc/modules), built in
 * (modules.builtin) or installed (modules.dep) under /lib/modules/RELEASE. Reading files only
 * works for every user and changes nothing; a module that is installed is loaded on first use.
 */
public final class KernelFeatures {
    /** A feature by its kernel configuration symbol and its module's name. */
    public record Feature(String config, String module, String use) {}

    /** What labs need: every lab uses some of these. */
    public static final List<Feature> LAB_FEATURES = List.of(
            new Feature("CONFIG_VETH", "veth", "veth pairs"),
            new Feature("CONFIG_BRIDGE", "bridge", "bridges"),
            new Feature("CONFIG_MACVLAN", "macvlan", "macvlan interfaces"),
            new Feature("CONFIG_NF_TABLES", "nf_tables", "nf_tables"),
            new Feature("CONFIG_NFT_NAT", "nft_nat", "snat rules"),
            new Feature("CONFIG_NFT_MASQ", "nft_masq", "masquerade rules"));

    /** Delay and jitter on a link: the netem qdisc. */
    public static final Feature NETEM = new Feature("CONFIG_NET_SCH_NETEM", "sch_netem", "delay and jitter on links");
    /** A rate limit on a link: the token bucket filter qdisc. */
    public static final Feature TBF = new Feature("CONFIG_NET_SCH_TBF", "sch_tbf", "rate limits on links");
    /** Loss on a link: a random number in an nf_tables rule (the lab's own table, egress hook). */
    public static final Feature NUMGEN = new Feature("CONFIG_NFT_NUMGEN", "nft_numgen", "loss on links");

    /** A vxlan: a lab's own tunnels, and every part of a lab split over machines. */
    public static final Feature VXLAN = new Feature("CONFIG_VXLAN", "vxlan", "vxlan tunnels (a lab split over machines)");

    /** What some labs only need (impairments: delay, rate, loss; vxlans): a lab without these lines works without them. */
    public static final List<Feature> OPTIONAL_FEATURES = List.of(NETEM, TBF, NUMGEN, VXLAN);

    private final Optional<List<String>> config;
    private final List<String> loaded;
    private final Optional<List<String>> moduleLists;
    private final String release;

    private KernelFeatures(Optional<List<String>> config, List<String> loaded, Optional<List<String>> moduleLists,
            String release) {
        this.config = config;
        this.loaded = loaded;
        this.moduleLists = moduleLists;
        this.release = release;
    }

    /** A kernel known by its build configuration alone (/proc/config.gz's lines), as a test describes one. */
    public static KernelFeatures ofConfiguration(List<String> config) {
        return new KernelFeatures(Optional.of(List.copyOf(config)), List.of(), Optional.empty(), "described");
    }

    public static KernelFeatures ofRunningKernel() {
        String release = firstLine(Path.of("/proc/sys/kernel/osrelease")).orElse("unknown");
        Path modules = Path.of("/lib/modules", release);
        Optional<List<String>> lists = Files.isDirectory(modules)
                ? Optional.of(concat(lines(modules.resolve("modules.builtin")), lines(modules.resolve("modules.dep"))))
                : Optional.empty();
        return new KernelFeatures(gzipLines(Path.of("/proc/config.gz")), lines(Path.of("/proc/modules")), lists, release);
    }

    /** Whether the kernel has {@code feature}; empty when nothing says. */
    public Optional<Boolean> has(Feature feature) {
        String module = feature.module();
        if (loaded.stream().anyMatch(line -> line.startsWith(module + " "))) {
            return Optional.of(true);
        }
        if (config.isPresent()) {
            return Optional.of(config.get().contains(feature.config() + "=y") || config.get().contains(feature.config() + "=m"));
        }
        // modules.builtin and modules.dep name kernel/net/.../MODULE.ko (modules.dep compressed too).
        return moduleLists.map(lines -> lines.stream().anyMatch(line -> {
            String path = line.contains(":") ? line.substring(0, line.indexOf(':')) : line;
            String file = path.substring(path.lastIndexOf('/') + 1);
            return file.equals(module + ".ko") || file.startsWith(module + ".ko.");
        }));
    }

    /** Where doctor looked, for a line that says it could not tell. */
    public String sources() {
        return "/proc/config.gz, /proc/modules, /lib/modules/" + release;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Optional<String> firstLine(Path file) {
        return lines(file).stream().findFirst().map(String::strip);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<List<String>> gzipLines(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

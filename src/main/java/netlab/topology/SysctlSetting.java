package netlab.topology;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code sysctl KEY=VALUE}, a net.* key set in the block's namespace. */
public record SysctlSetting(String key, String value, Source source) {
    /** The groups of settings the kernel keeps per interface, each as {@code GROUP.IF.SETTING}. */
    private static final List<String> PER_INTERFACE = List.of("net.ipv4.conf.", "net.ipv6.conf.", "net.ipv4.neigh.",
            "net.ipv6.neigh.", "net.mpls.conf.");
    /** Entries of those groups that are not interfaces: the settings of all, and of those made later. */
    private static final Set<String> NOT_INTERFACES = Set.of("all", "default");

    /** The interface this setting's key names, if it names one (see {@link #interfaceOf(String)}). */
    public Optional<String> interfaceName() {
        return interfaceOf(key);
    }

    /**
     * The interface a key names: IF in {@code net.ipv4.conf.IF.SETTING}, {@code net.ipv6.conf},
     * {@code net.ipv4.neigh}, {@code net.ipv6.neigh} and {@code net.mpls.conf}. It is everything between the group and
     * the last part, so that a name holding a '.' comes out whole (and can be refused: a key's
     * dots are /proc/sys's directories, so no key reaches such an interface). Empty for {@code
     * all} and {@code default}, and for a key of another kind.
     */
    public static Optional<String> interfaceOf(String key) {
        for (String group : PER_INTERFACE) {
            if (key.startsWith(group)) {
                String rest = key.substring(group.length());
                int last = rest.lastIndexOf('.');
                String name = last <= 0 ? "" : rest.substring(0, last);
                return name.isEmpty() || NOT_INTERFACES.contains(name) ? Optional.empty() : Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The same setting for another interface: {@code key} with the interface it names replaced by {@code name}. */
    public static String withInterface(String key, String name) {
        String named = interfaceOf(key).orElseThrow(() -> new IllegalArgumentException(key + " names no interface"));
        int start = interfaceStart(key);
        return key.substring(0, start) + name + key.substring(start + named.length());
    }

    /** Where the interface a key names begins in it: after its group ({@code net.ipv4.conf.}). */
    public static int interfaceStart(String key) {
        return PER_INTERFACE.stream().filter(key::startsWith).findFirst().orElseThrow(
                () -> new IllegalArgumentException(key + " names no interface")).length();
    }
}

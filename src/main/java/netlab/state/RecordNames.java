package netlab.state;

import java.nio.charset.StandardCharsets;

/**
 * What a name in a record may be, checked when a record is written and again when it is read,
 * whatever checked it before: a lab's and a namespace's name become paths (a directory under
 * /run/netlab, a lock file, a file under /run/netns), so each must be one plain path element;
 * an interface name and a sysctl key must be what the kernel could have given netlab. Each
 * method returns null when the name is acceptable, otherwise why not.
 */
final class RecordNames {
    /** As the language's limit for node and lab names. */
    static final int MAX_NAME_BYTES = 64;
    /** IFNAMSIZ - 1. */
    private static final int MAX_INTERFACE_BYTES = 15;

    private RecordNames() {}

    /** A lab's or a namespace's name: one path element, never "." or "..", never an option. */
    static String pathElementProblem(String name) {
        if (name.isEmpty() || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return "'" + StateWords.shown(name) + "' is empty or longer than " + MAX_NAME_BYTES + " bytes";
        }
        if (name.startsWith(".") || name.startsWith("-") || name.indexOf('/') >= 0 || hasControl(name)) {
            return "'" + StateWords.shown(name) + "' is not a plain file name";
        }
        return null;
    }

    /** As the kernel's dev_valid_name: 1..15 bytes, not "." or "..", no '/', ':' or blank. */
    static String interfaceProblem(String name) {
        boolean valid = !name.isEmpty() && name.getBytes(StandardCharsets.UTF_8).length <= MAX_INTERFACE_BYTES
                && !name.equals(".") && !name.equals("..") && !hasControl(name)
                && name.chars().noneMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c));
        return valid ? null : "'" + StateWords.shown(name) + "' is not an interface name";
    }

    /** A net.* key whose parts name no path outside /proc/sys/net. */
    static String sysctlProblem(String key) {
        String[] parts = key.split("\\.", -1);
        boolean valid = parts.length >= 2 && parts[0].equals("net");
        for (String part : parts) {
            valid &= !part.isEmpty() && part.indexOf('/') < 0 && !hasControl(part);
        }
        return valid ? null : "'" + StateWords.shown(key) + "' is not a network sysctl key";
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }
}

package netlab.kernel;

import java.nio.charset.StandardCharsets;

/**
 * What may name a namespace: the name becomes a file under /run/netns, so it must be a plain,
 * safe file name, never a path. Checked here again, whatever checked it before.
 */
public final class NamespaceNames {
    /** Longer names are legal files but unreadable in listings; iproute2 has no limit. */
    public static final int MAX_BYTES = 64;

    private NamespaceNames() {}

    /** Null when {@code name} is acceptable, otherwise why not. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "a namespace name cannot be empty";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "namespace name '" + name + "' is longer than " + MAX_BYTES + " bytes";
        }
        if (name.equals(".") || name.equals("..") || name.startsWith(".") || name.startsWith("-")) {
            return "namespace name '" + name + "' may not start with '.' or '-'";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c < 0x20 || c == 0x7f) {
                return "namespace name '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "' may not contain '/' or control characters";
            }
        }
        return null;
    }

    public static String require(String name) {
        String problem = problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return name;
    }
}

package netlab.topology.dsl;

import java.nio.charset.StandardCharsets;

/** What the kernel and the file system accept as interface and namespace names. */
final class Names {
    /** IFNAMSIZ (16) less the terminating NUL. */
    static final int INTERFACE_MAX_BYTES = 15;
    /** Namespace names become files under /run/netns; longer ones are legal but unreadable in listings. */
    static final int NODE_MAX_BYTES = 64;

    private Names() {}

    /**
     * Null when the kernel takes {@code name} for an interface (its dev_valid_name: 1..15 bytes,
     * not "." or "..", no '/', ':' or white space), otherwise why not. Control characters are
     * refused too: the kernel would take them, terminals would not show them.
     */
    static String interfaceProblem(String name) {
        if (bytes(name) > INTERFACE_MAX_BYTES) {
            return "interface name " + Word.quote(name) + " is longer than " + INTERFACE_MAX_BYTES + " bytes";
        }
        if (name.equals(".") || name.equals("..")) {
            return "interface name " + Word.quote(name) + " is not allowed";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "interface name " + Word.quote(name) + " may not contain '/', ':', blanks or control characters";
            }
            if (c == '%') {
                // The kernel reads a name with '%' as a template ("br%d" becomes br0, br1, ...).
                return "interface name " + Word.quote(name) + " may not contain '%' (the kernel reads it as a "
                        + "template and picks another name)";
            }
        }
        return null;
    }

    /**
     * Null when {@code name} can name a lab: 1..64 letters, digits, '_', '.' and '-', not starting
     * with '.' or '-'. A lab's name becomes its nf_tables table ({@code netlab-LAB}, which nft reads
     * only as a plain word), its state directory, its lock and its interfaces' alias, so it keeps to
     * what every one of them takes as it is.
     */
    static String labProblem(String name) {
        String problem = nodeProblem(name);
        if (problem != null) {
            return problem.replaceFirst("node name", "lab name");
        }
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            return "lab name " + Word.quote(name) + " may hold only letters, digits, '_', '.' and '-' "
                    + "(it names the lab's nf_tables table, which nft reads as a plain word)";
        }
        return null;
    }

    /**
     * Null when nft can match {@code name} in {@code oifname "NAME"}: its strings have no escape
     * for a double quote, and it reads a trailing {@code \*} back as a plain {@code *}.
     */
    static String oifnameProblem(String name) {
        if (name.indexOf('"') >= 0 || name.endsWith("\\*")) {
            return "interface name " + Word.quote(name) + " cannot be matched by nft (a '\"', or '\\*' at the end)";
        }
        return null;
    }

    /**
     * Null when {@code name} is a safe namespace name: a plain file name (no '/', not "." or
     * "..", not starting with '.' or '-', no control characters, at most 64 bytes) without ':',
     * which separates node and interface in {@code NODE:IF}.
     */
    static String nodeProblem(String name) {
        if (name.isEmpty()) {
            return "a node name cannot be empty";
        }
        if (bytes(name) > NODE_MAX_BYTES) {
            return "node name " + Word.quote(name) + " is longer than " + NODE_MAX_BYTES + " bytes";
        }
        if (name.startsWith(".") || name.startsWith("-")) {
            return "node name " + Word.quote(name) + " may not start with '.' or '-'";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isISOControl(c)) {
                return "node name " + Word.quote(name) + " may not contain '/', ':' or control characters";
            }
        }
        return null;
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}

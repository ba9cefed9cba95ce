package netlab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a path is a mount point in this process's mount namespace, from
 * /proc/self/mountinfo (proc(5)): the fifth field of each line, with blanks, tabs, newlines and
 * backslashes written as octal escapes ({@code \040}). Compared as bytes, since a name under
 * /run/netns may hold any UTF-8 text.
 */
final class MountPoints {
    private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    private MountPoints() {}

    static boolean isMountPoint(Path path) {
        // ISO-8859-1 maps each byte to one char and back: a byte-exact comparison of strings.
        String wanted = new String(path.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        String mountinfo;
        try {
            mountinfo = new String(Files.readAllBytes(MOUNTINFO), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MOUNTINFO, e);
        }
        for (String line : mountinfo.split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length > 4 && unescape(fields[4]).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** {@code \ooo} (three octal digits) is the byte it names; everything else stays. */
    static String unescape(String field) {
        StringBuilder text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}

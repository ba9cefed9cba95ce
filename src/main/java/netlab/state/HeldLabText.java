package netlab.state;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The text of a {@link HeldLab} record ({@code LAB/holder} in the state directory), as strict
 * as the lab state's ({@link StateText}): a version line, then one record per line.
 *
 * <pre>
 * netlab-holder 1
 * lab lan
 * kind rootless
 * unshare 4242 1234567
 * holder 4243 1234568
 * egress 4250 1234570
 * </pre>
 */
final class HeldLabText {
    static final String MAGIC = "netlab-holder 1";
    /** The largest pid_max the kernel allows on 64-bit machines (2^22). */
    private static final long PID_MAX_LIMIT = 4_194_304;

    private HeldLabText() {}

    static String write(HeldLab held) {
        StringBuilder text = new StringBuilder(MAGIC).append('\n');
        text.append("lab ").append(held.lab()).append('\n');
        text.append("kind ").append(held.kind().word()).append('\n');
        text.append("unshare ").append(held.unshare()).append('\n');
        if (held.holder() != null) {
            text.append("holder ").append(held.holder()).append('\n');
        }
        if (held.egress() != null) {
            text.append("egress ").append(held.egress()).append('\n');
        }
        return text.toString();
    }

    static HeldLab read(byte[] bytes) {
        for (byte b : bytes) {
            if (b != '\n' && (b < 0x20 || b > 0x7e)) {
                throw new CorruptStateException("it holds a byte netlab never writes there");
            }
        }
        String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(MAGIC) || !lines[lines.length - 1].isEmpty()) {
            throw new CorruptStateException("it does not start with '" + MAGIC + "' or does not end with a line break");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String[] words = lines[i].split(" ", 2);
            if (words.length != 2) {
                throw new CorruptStateException("line " + (i + 1) + " is not a single 'KEY VALUE' record");
            }
            if (values.put(words[0], words[1]) != null) {
                throw new CorruptStateException("line " + (i + 1) + ": a second '" + StateWords.shown(words[0]) + "' record");
            }
        }
        String lab = required(values, "lab");
        String problem = RecordNames.pathElementProblem(lab);
        if (problem != null) {
            throw new CorruptStateException("not a lab name: " + problem);
        }
        String kindWord = required(values, "kind");
        HeldLab.Kind kind = switch (kindWord) {
            case "rootless" -> HeldLab.Kind.ROOTLESS;
            case "contained" -> HeldLab.Kind.CONTAINED;
            default -> throw new CorruptStateException("unknown kind '" + StateWords.shown(kindWord) + "'");
        };
        ProcessStamp unshare = stamp(required(values, "unshare"));
        ProcessStamp holder = values.containsKey("holder") ? stamp(values.remove("holder")) : null;
        ProcessStamp egress = values.containsKey("egress") ? stamp(values.remove("egress")) : null;
        if (!values.isEmpty()) {
            throw new CorruptStateException("unknown record '" + StateWords.shown(values.keySet().iterator().next()) + "'");
        }
        return new HeldLab(lab, kind, unshare, holder, egress);
    }

    private static String required(Map<String, String> values, String key) {
        String value = values.remove(key);
        if (value == null) {
            throw new CorruptStateException("it has no '" + key + "' record");
        }
        return value;
    }

    /**
     * A pid the kernel can give (1 to PID_MAX_LIMIT, include/linux/threads.h: beyond it, the
     * number's low 32 bits could name another process, init even) and a start time that is a
     * long (clock ticks since boot).
     */
    private static ProcessStamp stamp(String words) {
        if (words.matches("[1-9][0-9]{0,6} (0|[1-9][0-9]{0,18})")) {
            String[] parts = words.split(" ");
            long pid = Long.parseLong(parts[0]);
            try {
                if (pid <= PID_MAX_LIMIT) {
                    return new ProcessStamp(pid, Long.parseLong(parts[1]));
                }
            } catch (NumberFormatException e) {
                // Nineteen digits beyond Long.MAX_VALUE: refused below.
            }
        }
        throw new CorruptStateException("'" + StateWords.shown(words) + "' is not a process (PID STARTTIME)");
    }
}

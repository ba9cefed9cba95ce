package netlab.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state file's text: a version line, then one record per line, a keyword and a fixed number
 * of words, each word a value encoded by {@link StateWords} (so no value can hold a blank or a
 * line break), readable with {@code cat}:
 *
 * <pre>
 * netlab-state 2
 * lab lan
 * file /home/me/My%20Labs/lan.topo
 * since 2026-11-23T11:00:00Z
 * status up
 * group 1852571234
 * namespace ns1 4026532281 8
 * link br0
 * sysctl net.ipv4.ip_forward 0
 * table host ip netlab-lan
 * lo-address 10.77.0.1 24
 * </pre>
 *
 * (the records of changes to the host's lo are in {@link HostChangeRecords}).
 *
 * Reading is strict: a byte outside printable ASCII, an unknown keyword, a missing or repeated
 * header record, a wrong number of words or a value that this netlab could not have written
 * (a name that is not a plain file name, a table not named after the lab, group 0) makes the
 * whole record unreadable, with a one-line reason. Nothing of such a record is acted on.
 */
final class StateText {
    static final String MAGIC = "netlab-state";
    static final int VERSION = 2;

    /** The words each keyword takes after it. */
    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("lab", 1), Map.entry("file", 1),
            Map.entry("since", 1), Map.entry("status", 1), Map.entry("group", 1), Map.entry("namespace", 3),
            Map.entry("link", 1), Map.entry("sysctl", 2), Map.entry("table", 3), Map.entry("lo-address", 2),
            Map.entry("lo-neighbour", 2), Map.entry("lo-mtu", 1), Map.entry("host-route", 5),
            Map.entry("etc-netns", 1), Map.entry("etc-netns-dir", 0));
    private static final List<String> HEADER = List.of("lab", "file", "since", "status", "group");

    private StateText() {}

    static String write(LabState state) {
        StringBuilder text = new StringBuilder(MAGIC + " " + VERSION + "\n");
        record(text, "lab", state.lab());
        record(text, "file", state.file());
        record(text, "since", state.since().toString());
        record(text, "status", state.status().word());
        record(text, "group", Integer.toUnsignedString(state.group()));
        state.namespaces().forEach(n -> record(text, "namespace", n.name(), Long.toString(n.inode()),
                Long.toUnsignedString(n.cookie())));
        state.hostLinks().forEach(l -> record(text, "link", l));
        state.hostSysctls().forEach(s -> record(text, "sysctl", s.key(), s.oldValue()));
        state.tables().forEach(t -> record(text, "table", t.node(), t.family(), t.name()));
        for (HostChange change : state.hostChanges()) {
            List<String> words = HostChangeRecords.record(change);
            record(text, words.getFirst(), words.subList(1, words.size()).toArray(String[]::new));
        }
        return text.toString();
    }

    private static void record(StringBuilder text, String keyword, String... values) {
        text.append(keyword);
        for (String value : values) {
            text.append(' ').append(StateWords.encode(value));
        }
        text.append('\n');
    }

    /** One record as read: its line number, keyword and decoded values. */
    record Line(int number, String keyword, List<String> values) {
        String value(int index) {
            return values.get(index);
        }

        /** A problem with this line, as the lab's one-line reason. */
        CorruptStateException problem(String what) {
            return new CorruptStateException("line " + number + ": " + what);
        }
    }

    /** The state {@code bytes} hold; {@link CorruptStateException} with the reason if they are not one. */
    static LabState read(byte[] bytes) {
        for (int i = 0, line = 1; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '\n') {
                line++;
            } else if (b < 0x20 || b > 0x7e) {
                throw new CorruptStateException(String.format("line %d: byte 0x%02x, which netlab never writes", line, b));
            }
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.endsWith("\n")) {
            throw new CorruptStateException(text.isEmpty() ? "the file is empty" : "the last line is cut short");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        requireVersion(lines[0]);
        Map<String, Line> header = new HashMap<>();
        List<Line> records = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            Line line = line(i + 1, lines[i]);
            if (HEADER.contains(line.keyword())) {
                if (header.put(line.keyword(), line) != null) {
                    throw line.problem("a second '" + line.keyword() + "' record");
                }
            } else {
                records.add(line);
            }
        }
        for (String keyword : HEADER) {
            if (!header.containsKey(keyword)) {
                throw new CorruptStateException("no '" + keyword + "' record");
            }
        }
        return StateRecords.build(header, records);
    }

    private static Line line(int number, String text) {
        String[] words = text.split(" ", -1);
        Integer count = WORDS.get(words[0]);
        if (count == null) {
            throw new CorruptStateException("line " + number + ": unknown record '" + StateWords.shown(words[0]) + "'");
        }
        if (words.length != count + 1) {
            throw new CorruptStateException("line " + number + ": '" + words[0] + "' takes " + count + " value"
                    + (count == 1 ? "" : "s") + ", not " + (words.length - 1));
        }
        List<String> values = new ArrayList<>(count);
        for (int w = 1; w <= count; w++) {
            try {
                values.add(StateWords.decode(words[w]));
            } catch (CorruptStateException e) {
                throw new CorruptStateException("line " + number + ": " + e.getMessage());
            }
        }
        return new Line(number, words[0], values);
    }

    private static void requireVersion(String line) {
        String[] words = line.split(" ", -1);
        if (words.length != 2 || !words[0].equals(MAGIC)) {
            throw new CorruptStateException(line.startsWith("lab ")
                    ? "a record without a version line, from an older netlab"
                    : "line 1: not a netlab state (no '" + MAGIC + "' line)");
        }
        if (!words[1].equals(Integer.toString(VERSION))) {
            throw new CorruptStateException("state version " + StateWords.shown(words[1]) + ", but this netlab reads "
                    + "version " + VERSION + (words[1].matches("[0-9]{1,9}") && Integer.parseInt(words[1]) > VERSION
                    ? ": written by a newer netlab" : ""));
        }
    }
}

package netlab.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The state file's text: one record per line, words separated by single spaces, readable with
 * {@code cat}. Names cannot contain spaces (the language refuses them), values are one word.
 *
 * <pre>
 * lab lan
 * file /home/me/lan.topo
 * since 2026-11-23T11:00:00Z
 * complete yes
 * group 1852571234
 * namespace ns1 4026532281
 * link br0
 * sysctl net.ipv4.ip_forward 0
 * table host ip netlab-lan
 * </pre>
 */
final class StateText {
    private StateText() {}

    static String write(LabState state) {
        StringBuilder text = new StringBuilder();
        text.append("lab ").append(state.lab()).append('\n');
        text.append("file ").append(state.file()).append('\n');
        text.append("since ").append(state.since()).append('\n');
        text.append("complete ").append(state.complete() ? "yes" : "no").append('\n');
        text.append("group ").append(Integer.toUnsignedString(state.group())).append('\n');
        state.namespaces().forEach(n -> text.append("namespace ").append(n.name()).append(' ').append(n.inode()).append('\n'));
        state.hostLinks().forEach(l -> text.append("link ").append(l).append('\n'));
        state.hostSysctls().forEach(s -> text.append("sysctl ").append(s.key()).append(' ').append(s.oldValue()).append('\n'));
        state.tables().forEach(t -> text.append("table ").append(t.node()).append(' ').append(t.family()).append(' ')
                .append(t.name()).append('\n'));
        return text.toString();
    }

    static LabState read(String text) {
        String lab = null;
        String file = "";
        Instant since = Instant.EPOCH;
        boolean complete = false;
        Integer group = null;
        List<LabState.NamespaceRecord> namespaces = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<LabState.SysctlRecord> sysctls = new ArrayList<>();
        List<LabState.TableRecord> tables = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] words = line.split(" ", -1);
            switch (words[0]) {
                case "lab" -> lab = words[1];
                case "file" -> file = line.substring("file ".length());
                case "since" -> since = Instant.parse(words[1]);
                case "complete" -> complete = words[1].equals("yes");
                case "group" -> group = Integer.parseUnsignedInt(words[1]);
                case "namespace" -> namespaces.add(new LabState.NamespaceRecord(words[1], Long.parseLong(words[2])));
                case "link" -> links.add(words[1]);
                // A sysctl's value may hold blanks (net.ipv4.ping_group_range is "1\t0"): the rest of the line.
                case "sysctl" -> sysctls.add(new LabState.SysctlRecord(words[1],
                        line.length() > 8 + words[1].length() ? line.substring(8 + words[1].length()) : ""));
                case "table" -> tables.add(new LabState.TableRecord(words[1], words[2], words[3]));
                default -> {
                    // Blank or unknown lines are skipped: a newer netlab may record more.
                }
            }
        }
        if (lab == null) {
            throw new IllegalArgumentException("a state without a 'lab' line");
        }
        return new LabState(lab, file, since, complete, group == null ? LabGroups.of(lab) : group, namespaces, links,
                sysctls, tables);
    }
}

package netlab.state;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netlab.state.StateText.Line;

/**
 * The records of a state file, read as what they mean: each value checked to be one this netlab
 * could have written, since {@code down} acts on them. A lab's table is always {@code netlab-LAB},
 * its group never 0 (the group of every interface), its names plain file and interface names.
 */
final class StateRecords {
    private StateRecords() {}

    static LabState build(Map<String, Line> header, List<Line> records) {
        String lab = checked(header.get("lab"), RecordNames.pathElementProblem(header.get("lab").value(0)));
        String file = header.get("file").value(0);
        Instant since = since(header.get("since"));
        LabState.Status status = status(header.get("status"));
        int group = group(header.get("group"));
        List<LabState.NamespaceRecord> namespaces = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<LabState.SysctlRecord> sysctls = new ArrayList<>();
        List<Line> tables = new ArrayList<>();
        List<HostChange> hostChanges = new ArrayList<>();
        for (Line line : records) {
            switch (line.keyword()) {
                case "namespace" -> namespaces.add(namespace(line));
                case "link" -> links.add(checked(line, RecordNames.interfaceProblem(line.value(0))));
                case "sysctl" -> sysctls.add(new LabState.SysctlRecord(
                        checked(line, RecordNames.sysctlProblem(line.value(0))), line.value(1)));
                case "table" -> tables.add(line);
                case "lo-address", "lo-neighbour", "lo-mtu", "host-route", "etc-netns", "etc-netns-dir" -> hostChanges.add(HostChangeRecords.read(line));
                default -> throw line.problem("unknown record '" + line.keyword() + "'");
            }
        }
        Set<String> nodes = new HashSet<>();
        namespaces.forEach(n -> nodes.add(n.name()));
        List<LabState.TableRecord> tableRecords = new ArrayList<>();
        for (Line line : tables) {
            tableRecords.add(table(line, lab, nodes));
        }
        return new LabState(lab, file, since, status, group, namespaces, links, sysctls, tableRecords, hostChanges);
    }

    private static String checked(Line line, String problem) {
        if (problem != null) {
            throw line.problem(problem);
        }
        return line.value(0);
    }

    private static Instant since(Line line) {
        try {
            return Instant.parse(line.value(0));
        } catch (DateTimeParseException e) {
            throw line.problem("'" + StateWords.shown(line.value(0)) + "' is not a time");
        }
    }

    private static LabState.Status status(Line line) {
        for (LabState.Status status : LabState.Status.values()) {
            if (status.word().equals(line.value(0))) {
                return status;
            }
        }
        throw line.problem("unknown status '" + StateWords.shown(line.value(0)) + "'");
    }

    /** Group 0 is every interface's default group: deleting it would delete the host's own. */
    private static int group(Line line) {
        long group = number(line, 0, 0xffff_ffffL);
        if (group == 0) {
            throw line.problem("group 0 is the group of every interface, never a lab's");
        }
        return (int) group;
    }

    private static LabState.NamespaceRecord namespace(Line line) {
        checked(line, RecordNames.pathElementProblem(line.value(0)));
        long inode = number(line, 1, Long.MAX_VALUE);
        if (inode == 0) {
            throw line.problem("inode 0 is no namespace's");
        }
        String cookie = line.value(2);
        if (!cookie.matches("0|[1-9][0-9]{0,19}")) {
            throw line.problem("'" + StateWords.shown(cookie) + "' is not a number");
        }
        try {
            return new LabState.NamespaceRecord(line.value(0), inode, Long.parseUnsignedLong(cookie));
        } catch (NumberFormatException e) {
            throw line.problem(cookie + " is out of range");
        }
    }

    private static LabState.TableRecord table(Line line, String lab, Set<String> nodes) {
        String node = line.value(0);
        if (!node.equals("host") && !nodes.contains(node)) {
            throw line.problem("a table in '" + StateWords.shown(node) + "', which is neither the host nor a namespace "
                    + "of the lab");
        }
        if (!List.of("ip", "ip6", "netdev").contains(line.value(1))) {
            throw line.problem("table family '" + StateWords.shown(line.value(1)) + "' is not ip, ip6 or netdev");
        }
        if (!line.value(2).equals("netlab-" + lab)) {
            throw line.problem("table '" + StateWords.shown(line.value(2)) + "' is not lab " + lab + "'s (netlab-" + lab
                    + ")");
        }
        return new LabState.TableRecord(node, line.value(1), line.value(2));
    }

    /** The value at {@code index} as a decimal number in 0..max, without sign or leading zeros. */
    static long number(Line line, int index, long max) {
        String value = line.value(index);
        if (!value.matches("0|[1-9][0-9]{0,18}")) {
            throw line.problem("'" + StateWords.shown(value) + "' is not a number");
        }
        try {
            long number = Long.parseLong(value);
            if (number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Too large for a long: out of range as well.
        }
        throw line.problem(value + " is out of range");
    }
}

package netlab.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a lab created, as recorded under /run/netlab/LAB/: enough for {@code netlab down} to
 * remove it without the topology file, and nothing that it did not create.
 *
 * @param lab the lab's name
 * @param file the topology file it was brought up from (absolute)
 * @param since when {@code up} started
 * @param status whether the lab is being built, is up, or is being taken down
 * @param group the link group that marks every interface the lab creates in the host
 * @param namespaces the namespaces it created, with their identities
 * @param hostLinks the interfaces it created in the host namespace
 * @param hostSysctls host sysctls it changed, with the values to restore
 * @param tables the nf_tables tables it created, per namespace
 * @param hostChanges what it set on the host's lo (and host routes no lab interface carries)
 */
public record LabState(String lab, String file, Instant since, Status status, int group, List<NamespaceRecord> namespaces,
        List<String> hostLinks, List<SysctlRecord> hostSysctls, List<TableRecord> tables, List<HostChange> hostChanges) {
    public LabState {
        namespaces = List.copyOf(namespaces);
        hostLinks = List.copyOf(hostLinks);
        hostSysctls = List.copyOf(hostSysctls);
        tables = List.copyOf(tables);
        hostChanges = List.copyOf(hostChanges);
    }

    // equals and hashCode written out: a record's generated ones are built at run time from
    // method handles the AOT cache does not hold, ~10 ms of every down (docs/startup.md).
    @Override
    public boolean equals(Object other) {
        return other instanceof LabState that && group == that.group && Objects.equals(lab, that.lab)
                && Objects.equals(file, that.file) && Objects.equals(since, that.since) && status == that.status
                && namespaces.equals(that.namespaces) && hostLinks.equals(that.hostLinks) && hostSysctls.equals(that.hostSysctls)
                && tables.equals(that.tables) && hostChanges.equals(that.hostChanges);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lab, file, since, status, group, namespaces, hostLinks, hostSysctls, tables,
                hostChanges);
    }

    /** A lab {@code up} is starting to build, marking its host interfaces with {@code group}. */
    public static LabState started(String lab, String file, Instant since, int group) {
        return new LabState(lab, file, since, Status.BUILDING, group, List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /**
     * Where the lab is in its life. Anything but {@link #UP} is "broken" to a reader: an {@code up}
     * or a {@code down} is at work, or was killed, and the lab is only partly there.
     */
    public enum Status {
        BUILDING("building"), UP("up"), GOING_DOWN("going-down");

        private final String word;

        Status(String word) {
            this.word = word;
        }

        /** How the state file writes it. */
        public String word() {
            return word;
        }
    }

    /** Up and whole: made completely, and no {@code down} has started on it. */
    public boolean isUp() {
        return status == Status.UP;
    }

    public LabState withStatus(Status next) {
        return new LabState(lab, file, since, next, group, namespaces, hostLinks, hostSysctls, tables, hostChanges);
    }

    public LabState withNamespaces(List<NamespaceRecord> next) {
        return new LabState(lab, file, since, status, group, next, hostLinks, hostSysctls, tables, hostChanges);
    }

    public LabState withHostLinks(List<String> next) {
        return new LabState(lab, file, since, status, group, namespaces, next, hostSysctls, tables, hostChanges);
    }

    public LabState withHostSysctls(List<SysctlRecord> next) {
        return new LabState(lab, file, since, status, group, namespaces, hostLinks, next, tables, hostChanges);
    }

    public LabState withTables(List<TableRecord> next) {
        return new LabState(lab, file, since, status, group, namespaces, hostLinks, hostSysctls, next, hostChanges);
    }

    public LabState withHostChanges(List<HostChange> next) {
        return new LabState(lab, file, since, status, group, namespaces, hostLinks, hostSysctls, tables, next);
    }

    /**
     * A namespace netlab made, recorded before its name became visible: its name, its nsfs inode
     * and its cookie (SO_NETNS_COOKIE, never given to two namespaces; 0 where the kernel has
     * none), which together prove that a namespace found under the name is this one.
     */
    public record NamespaceRecord(String name, long inode, long cookie) {}

    /** A host sysctl netlab set, and the value it had before. */
    public record SysctlRecord(String key, String oldValue) {}

    /** An nf_tables table netlab made in {@code node} ("host" for the host namespace). */
    public record TableRecord(String node, String family, String name) {}
}

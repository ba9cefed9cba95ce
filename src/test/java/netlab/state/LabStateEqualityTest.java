package netlab.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * LabState's equals and hashCode are written out (a record's generated ones cost start-up time):
 * each of its components must still count, or down would skip saving a changed record.
 */
class LabStateEqualityTest {
    private static final LabState STATE = new LabState("lan", "/labs/lan.topo", Instant.parse("2026-12-03T10:00:00Z"),
            LabState.Status.UP, 7, List.of(new LabState.NamespaceRecord("ns1", 11, 12)), List.of("br0"),
            List.of(new LabState.SysctlRecord("net.ipv4.ip_forward", "0")),
            List.of(new LabState.TableRecord("host", "ip", "netlab-lan")), List.of(new HostChange.LoopbackMtu(65536)));

    @Test
    void equalStatesAreEqualWithTheSameHash() {
        LabState copy = new LabState(STATE.lab(), STATE.file(), STATE.since(), STATE.status(), STATE.group(),
                STATE.namespaces(), STATE.hostLinks(), STATE.hostSysctls(), STATE.tables(), STATE.hostChanges());

        assertThat(copy).isEqualTo(STATE).hasSameHashCodeAs(STATE);
    }

    @Test
    void everyComponentCounts() {
        List<UnaryOperator<LabState>> changes = List.of(
                s -> new LabState("lan2", s.file(), s.since(), s.status(), s.group(), s.namespaces(), s.hostLinks(),
                        s.hostSysctls(), s.tables(), s.hostChanges()),
                s -> new LabState(s.lab(), "/labs/other.topo", s.since(), s.status(), s.group(), s.namespaces(),
                        s.hostLinks(), s.hostSysctls(), s.tables(), s.hostChanges()),
                s -> new LabState(s.lab(), s.file(), s.since().plusSeconds(1), s.status(), s.group(), s.namespaces(),
                        s.hostLinks(), s.hostSysctls(), s.tables(), s.hostChanges()),
                s -> s.withStatus(LabState.Status.GOING_DOWN),
                s -> new LabState(s.lab(), s.file(), s.since(), s.status(), 8, s.namespaces(), s.hostLinks(),
                        s.hostSysctls(), s.tables(), s.hostChanges()),
                s -> s.withNamespaces(List.of(new LabState.NamespaceRecord("ns1", 11, 13))),
                s -> s.withHostLinks(List.of()),
                s -> s.withHostSysctls(List.of()),
                s -> s.withTables(List.of()),
                s -> s.withHostChanges(List.of()));

        for (UnaryOperator<LabState> change : changes) {
            assertThat(change.apply(STATE)).isNotEqualTo(STATE);
        }
    }
}

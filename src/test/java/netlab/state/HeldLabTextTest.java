package netlab.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outside record of a held lab (docs/rootless.md, "Names, state, locks, journal"): what
 * {@code up} writes reads back as it was at every stage (unshare only, then the holder, then
 * slirp4netns), and anything a netlab of this version could not have written, in any line, is
 * refused with a one-line reason, so that {@code down} never signals a process it did not
 * record; a record that names another lab than its directory is unreadable too.
 */
class HeldLabTextTest {
    private static final ProcessStamp UNSHARE = new ProcessStamp(4242, 1234567);
    private static final ProcessStamp HOLDER = new ProcessStamp(4243, 1234568);
    private static final ProcessStamp EGRESS = new ProcessStamp(4250, 1234570);

    private static HeldLab read(String text) {
        return HeldLabText.read(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void eachStageOfUpReadsBackAsItWasWritten() {
        record Stage(HeldLab held, String text) {}
        List<Stage> stages = List.of(
                new Stage(new HeldLab("lan", HeldLab.Kind.ROOTLESS, UNSHARE, null, null),
                        "netlab-holder 1\nlab lan\nkind rootless\nunshare 4242 1234567\n"),
                new Stage(new HeldLab("c0", HeldLab.Kind.CONTAINED, UNSHARE, HOLDER, null),
                        "netlab-holder 1\nlab c0\nkind contained\nunshare 4242 1234567\nholder 4243 1234568\n"),
                new Stage(new HeldLab("lab_2.x-y", HeldLab.Kind.ROOTLESS, UNSHARE, HOLDER, EGRESS),
                        "netlab-holder 1\nlab lab_2.x-y\nkind rootless\nunshare 4242 1234567\nholder 4243 1234568\n"
                                + "egress 4250 1234570\n"),
                new Stage(new HeldLab("c1", HeldLab.Kind.CONTAINED, new ProcessStamp(1, 0),
                        new ProcessStamp(4194304, Long.MAX_VALUE), null),
                        "netlab-holder 1\nlab c1\nkind contained\nunshare 1 0\nholder 4194304 9223372036854775807\n"));

        for (Stage stage : stages) {
            assertThat(HeldLabText.write(stage.held())).isEqualTo(stage.text());
            assertThat(read(stage.text())).isEqualTo(stage.held());
        }
    }

    @Test
    void theLinesMayComeInAnyOrder() {
        assertThat(read("netlab-holder 1\negress 4250 1234570\nholder 4243 1234568\nunshare 4242 1234567\n"
                + "kind contained\nlab c0\n")).isEqualTo(new HeldLab("c0", HeldLab.Kind.CONTAINED, UNSHARE, HOLDER, EGRESS));
    }

    @Test
    void everyDamageIsRefusedWithItsReason() {
        String good = HeldLabText.write(new HeldLab("lan", HeldLab.Kind.ROOTLESS, UNSHARE, HOLDER, EGRESS));
        String notRecord = "it does not start with 'netlab-holder 1' or does not end with a line break";
        record Damage(String text, String reason) {}
        List<Damage> damages = List.of(
                new Damage("", notRecord),
                new Damage("netlab-holder 1", notRecord),
                new Damage(good.substring(0, good.length() - 1), notRecord),
                new Damage(good.replace("netlab-holder 1", "netlab-holder 2"), notRecord),
                new Damage(good.replace("netlab-holder 1\n", ""), notRecord),
                new Damage(good.replace("netlab-holder 1", "netlab-state 2"), notRecord),
                new Damage("netlab-holder 1\n", "it has no 'lab' record"),
                new Damage(good.replace("lab lan\n", ""), "it has no 'lab' record"),
                new Damage(good.replace("kind rootless\n", ""), "it has no 'kind' record"),
                new Damage(good.replace("unshare 4242 1234567\n", ""), "it has no 'unshare' record"),
                new Damage(good + "colour red\n", "unknown record 'colour'"),
                new Damage(good + "mode rootless\n", "unknown record 'mode'"),
                new Damage(good + "lab lan\n", "line 7: a second 'lab' record"),
                new Damage(good + "holder 4243 1234568\n", "line 7: a second 'holder' record"),
                new Damage(good.replace("lab lan\n", "lab lan\n\n"), "line 3 is not a single 'KEY VALUE' record"),
                new Damage(good + "egress\n", "line 7 is not a single 'KEY VALUE' record"),
                new Damage(good.replace("kind rootless", "kind Rootless"), "unknown kind 'Rootless'"),
                new Damage(good.replace("kind rootless", "kind root"), "unknown kind 'root'"),
                new Damage(good.replace("lab lan", "lab ../etc"), "not a lab name: '../etc' is not a plain file name"),
                new Damage(good.replace("lab lan", "lab a/b"), "not a lab name: 'a/b' is not a plain file name"),
                new Damage(good.replace("lab lan", "lab "), "not a lab name: '' is empty or longer than 64 bytes"),
                new Damage(good.replace("lab lan", "lab la\tn"), "it holds a byte netlab never writes there"),
                new Damage(good.replace("\n", "\r\n"), "it holds a byte netlab never writes there"),
                new Damage(good.replace("lab lan", "lab la\u0000n"), "it holds a byte netlab never writes there"),
                new Damage(good.replace("lab lan", "lab la\u007fn"), "it holds a byte netlab never writes there"),
                new Damage(good.replace("lab lan", "lab l\u00e4n"), "it holds a byte netlab never writes there"));

        for (Damage damage : damages) {
            assertThatThrownBy(() -> read(damage.text())).as(damage.text()).isInstanceOf(CorruptStateException.class)
                    .hasMessage(damage.reason());
        }
    }

    @Test
    void aProcessIsAPidTheKernelCanGiveAndAStartTimeThatIsALong() {
        String good = HeldLabText.write(new HeldLab("lan", HeldLab.Kind.ROOTLESS, UNSHARE, HOLDER, EGRESS));
        List<String> notProcesses = List.of("0 1234567", "-1 1234567", "04242 1234567", "4242", "4242  1234567",
                "4242 1234567 9", "4242 0x12", "4242 -5", "4242 01", "slirp4netns 4250 1234570", "",
                // Beyond the kernel's PID_MAX_LIMIT (2^22) no process has the pid; the low 32 bits
                // of 4294967297 are init's.
                "4194305 1234568", "4294967297 1234568",
                // A start time beyond a long: read as a number, it would be a crash, not a refusal.
                "4243 9999999999999999999", "4243 99999999999999999999");

        for (String key : new String[] {"unshare", "holder", "egress"}) {
            String line = key + " " + switch (key) {
                case "unshare" -> UNSHARE;
                case "holder" -> HOLDER;
                default -> EGRESS;
            };
            for (String words : notProcesses) {
                assertThatThrownBy(() -> read(good.replace(line, key + " " + words))).as(key + " " + words)
                        .isInstanceOf(CorruptStateException.class)
                        .hasMessage("'" + words + "' is not a process (PID STARTTIME)");
            }
        }
    }

    @Test
    void aRecordOfAnotherLabOrDamagedIsUnreadableWhereItLiesAndHidesNoOther(@TempDir Path directory) throws Exception {
        StateStore store = new StateStore(directory.resolve("netlab"));
        HeldLab c1 = new HeldLab("c1", HeldLab.Kind.CONTAINED, UNSHARE, HOLDER, null);
        store.saveHeld(c1);
        String text = HeldLabText.write(c1);
        for (String lab : new String[] {"c0", "c2"}) {
            Files.createDirectories(store.directoryOf(lab));
        }
        Files.writeString(store.directoryOf("c0").resolve("holder"), text);
        Files.writeString(store.directoryOf("c2").resolve("holder"), text.replace("lab c1", "lab c2")
                .replace("holder 4243 1234568", "holder 4243 9999999999999999999"));

        LabRecord c0 = new LabRecord.Unreadable("c0", "it names lab 'c1', not the lab of its directory");
        LabRecord c2 = new LabRecord.Unreadable("c2", "'4243 9999999999999999999' is not a process (PID STARTTIME)");
        assertThat(store.record("c0")).contains(c0);
        assertThat(store.record("c2")).contains(c2);
        assertThat(store.list()).containsExactly(c0, new LabRecord.Held(c1), c2);
    }
}

package netlab.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Consumer;
import netlab.error.LabStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where an ordinary user's labs are recorded (docs/rootless.md, "Names, state, locks,
 * journal"): {@code $XDG_RUNTIME_DIR/netlab} when that directory exists, else
 * {@code /tmp/netlab-UID}, which {@code prepare()} makes with mode 0700 and which is refused,
 * with the one line that says what to do, whenever it is not a directory of the user's own
 * with mode 0700 (another owner's, a symbolic link, a file, or a wider mode), since anyone may
 * make it first in /tmp and netlab acts on what it finds there. Looking makes nothing.
 */
class UserDirectoryTest {
    @TempDir
    Path temporary;

    /** This process's own user, the one a store is made for here. */
    private static int uid() throws Exception {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    private StateStore store(String runtimeDirectory) throws Exception {
        return StateStore.forUser(uid(), runtimeDirectory, temporary);
    }

    @Test
    void withoutARuntimeDirectoryTheFallbackIsMadeOwnerOnlyByPrepare() throws Exception {
        Path fallback = temporary.resolve("netlab-" + uid());
        for (String runtimeDirectory : new String[] {null, "relative/run", temporary.resolve("missing").toString(),
                Files.createFile(temporary.resolve("a-file")).toString()}) {
            StateStore store = store(runtimeDirectory);
            assertThat(store.root()).as(runtimeDirectory).isEqualTo(fallback.resolve("labs"));
            assertThat(fallback).as("only looked, with %s", runtimeDirectory).doesNotExist();
        }

        store(null).prepare();

        assertThat(Files.isDirectory(fallback, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.getAttribute(fallback, "unix:uid")).isEqualTo(uid());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fallback))).isEqualTo("rwx------");
        assertThat(entries(fallback)).isEmpty();
        store(null).prepare();
        assertThat(entries(temporary)).containsExactlyInAnyOrder("a-file", fallback.getFileName().toString());
    }

    @Test
    void theRealFallbackIsInTmp() throws Exception {
        // A uid nobody has: its directory is not there, and looking makes none.
        assertThat(StateStore.forUser(2_000_000_123, null).root()).isEqualTo(Path.of("/tmp/netlab-2000000123/labs"));
        assertThat(Path.of("/tmp/netlab-2000000123")).doesNotExist();
    }

    @Test
    void anExistingRuntimeDirectoryHoldsTheStore() throws Exception {
        Path runtime = Files.createDirectory(temporary.resolve("run-user"));

        StateStore store = store(runtime.toString());
        assertThat(store.root()).isEqualTo(runtime.resolve("netlab/labs"));
        store.prepare();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime.resolve("netlab"))))
                .isEqualTo("rwx------");
        assertThat(entries(temporary)).containsExactly("run-user");
    }

    @Test
    void aPlaceThatIsNotTheUsersOwnOwnerOnlyDirectoryIsRefused() throws Exception {
        Path fallback = temporary.resolve("netlab-" + uid());
        Path elsewhere = Files.createDirectory(temporary.resolve("elsewhere"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        record Planted(String what, Consumer<Path> plant) {}
        List<Planted> plants = List.of(
                new Planted("another user's", place -> {
                    ownerOnlyDirectory(place);
                    quietly(() -> Files.setAttribute(place, "unix:uid", 12345));
                }),
                new Planted("a symbolic link to one of ours", place -> quietly(() -> Files.createSymbolicLink(place, elsewhere))),
                new Planted("a dangling symbolic link", place -> quietly(() -> Files.createSymbolicLink(place, temporary.resolve("none")))),
                new Planted("mode 0755", place -> quietly(() -> Files.createDirectory(place,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))))),
                new Planted("mode 0711", place -> {
                    ownerOnlyDirectory(place);
                    quietly(() -> Files.setPosixFilePermissions(place, PosixFilePermissions.fromString("rwx--x--x")));
                }),
                new Planted("a file", place -> quietly(() -> Files.createFile(place))));

        for (Planted planted : plants) {
            String refusal = fallback + " is not a directory of yours with mode 0700, so netlab will not keep your labs' "
                    + "records there; remove it, or set XDG_RUNTIME_DIR to your runtime directory";
            planted.plant().accept(fallback);
            assertThatThrownBy(() -> store(null)).as(planted.what()).isInstanceOf(LabStateException.class)
                    .hasMessage(refusal);
            Files.deleteIfExists(fallback);

            // Planted between looking and making: prepare() refuses it as well.
            StateStore store = store(null);
            planted.plant().accept(fallback);
            assertThatThrownBy(store::prepare).as("%s, planted before prepare", planted.what())
                    .isInstanceOf(LabStateException.class).hasMessage(refusal);
            Files.deleteIfExists(fallback);
        }
    }

    @Test
    void aRuntimeDirectorysNetlabIsCheckedAlike() throws Exception {
        Path runtime = Files.createDirectory(temporary.resolve("run-user"));
        Files.createDirectory(runtime.resolve("netlab"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(runtime.resolve("netlab"), PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> store(runtime.toString())).isInstanceOf(LabStateException.class)
                .hasMessageStartingWith(runtime.resolve("netlab") + " is not a directory of yours with mode 0700");
    }

    private interface Io {
        void run() throws Exception;
    }

    private static void quietly(Io io) {
        try {
            io.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ownerOnlyDirectory(Path place) {
        quietly(() -> Files.createDirectory(place, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))));
    }

    private static List<String> entries(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}

package netlab.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import netlab.executor.step.Creation;
import netlab.executor.step.Journal;
import netlab.executor.step.NamespaceStep;
import netlab.executor.step.Steps;
import netlab.kernel.Kernel;
import netlab.kernel.NamedNamespaces;
import netlab.kernel.NamespaceCookies;
import netlab.kernel.NamespaceIdentity;
import netlab.kernel.NetNamespace;
import netlab.plan.Planner;
import netlab.state.LabGroups;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.testing.KernelTest;
import netlab.testing.Shell;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 3: {@code up} killed once its record named the lab's namespaces but before it
 * made them; someone else then makes a namespace of one of those names. {@code down} must leave
 * that namespace alone: the record must prove which namespace is the lab's, not only name it.
 * The kill is played by a journal that stops {@code up} (as SIGKILL would) right after the write
 * that first lists the namespaces.
 */
@KernelTest
class KilledUpNamespaceTest {
    @TempDir
    Path directory;

    @AfterEach
    void removeTheirs() {
        Shell.run("ip", "netns", "del", "pend3");
        assertThat(Shell.check("ip", "netns", "list")).isEmpty();
    }

    /** Stands for the SIGKILL: nothing after it runs in that up but the JVM's unwinding. */
    private static final class Killed extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** The lab's journal, which "kills" up once a write has recorded namespaces. */
    private static Journal killedAfterNamespacesAreRecorded(StateRecorder recorder) {
        return new Journal() {
            @Override
            public void aboutToCreate(List<Creation> creations) {
                recorder.aboutToCreate(creations);
                killIfNamespacesAreRecorded();
            }

            @Override
            public void namespacesAboutToBeNamed(Map<String, NamespaceIdentity> identities) {
                recorder.namespacesAboutToBeNamed(identities);
                killIfNamespacesAreRecorded();
            }

            @Override
            public void notMade(List<Creation> creations) {
                recorder.notMade(creations);
            }

            @Override
            public void namespacesNotNamed(Collection<String> names) {
                recorder.namespacesNotNamed(names);
            }

            @Override
            public void hostSysctlChanging(String key, String oldValue) {
                recorder.hostSysctlChanging(key, oldValue);
            }

            private void killIfNamespacesAreRecorded() {
                if (!recorder.current().namespaces().isEmpty()) {
                    throw new Killed();
                }
            }
        };
    }

    @Test
    void aNamespaceSomeoneElseMadeUnderARecordedNameIsLeftAlone() throws Exception {
        Path file = Files.writeString(directory.resolve("pend.topo"), "lab pend\nnode pend1\nnode pend2\nnode pend3\n");
        Lab lab = TopologyReader.read(file);
        StateStore store = new StateStore(directory.resolve("state"));
        StateRecorder recorder = new StateRecorder(store, LabState.started("pend", file.toString(), Instant.now(), LabGroups.of("pend")));
        List<NamespaceStep> steps = Steps.of(Planner.plan(lab)).stream().filter(NamespaceStep.class::isInstance)
                .map(NamespaceStep.class::cast).toList();

        try (LabSession session = new LabSession("pend", recorder.current().group(), new Kernel(),
                killedAfterNamespacesAreRecorded(recorder), null, null)) {
            assertThatThrownBy(() -> NamespaceStep.createAll(steps, session)).isInstanceOf(Killed.class);
        }
        assertThat(store.load("pend").orElseThrow().namespaces()).extracting(LabState.NamespaceRecord::name)
                .containsExactly("pend1", "pend2", "pend3");
        Shell.check("ip", "netns", "add", "pend3");
        Object theirs = Files.getAttribute(NamedNamespaces.pathOf("pend3"), "unix:ino");

        new Executor(store).down(store.load("pend").orElseThrow());

        assertThat(Files.getAttribute(NamedNamespaces.pathOf("pend3"), "unix:ino")).isEqualTo(theirs);
        assertThat(Shell.check("ip", "netns", "list").strip()).isEqualTo("pend3");
        assertThat(store.load("pend")).isEmpty();
    }

    /**
     * A kernel may give a new namespace the inode number of one that died (older kernels take
     * the lowest free one): a namespace under the lab's name with the recorded inode but another
     * cookie is someone else's, and left alone.
     */
    @Test
    void theRecordedInodeWithAnotherCookieIsNotTheLabs() throws Exception {
        Shell.check("ip", "netns", "add", "pend3");
        long inode;
        long cookie;
        try (NetNamespace theirs = NamedNamespaces.open("pend3")) {
            inode = theirs.inode();
            cookie = NamespaceCookies.of(List.of(theirs)).getFirst();
        }
        assertThat(cookie).as("this kernel has namespace cookies").isPositive();
        StateStore store = new StateStore(directory.resolve("state"));
        store.save(LabState.started("pend", "/pend.topo", Instant.now(), LabGroups.of("pend"))
                .withNamespaces(List.of(new LabState.NamespaceRecord("pend3", inode, cookie + 1))));

        List<String> notes = new Executor(store).down(store.load("pend").orElseThrow());

        assertThat(notes).singleElement().asString().startsWith("namespace pend3 is not the one lab pend made (cookie "
                + cookie + ", recorded inode " + inode + " cookie " + (cookie + 1) + ")");
        assertThat(NamedNamespaces.presence("pend3")).isEqualTo(new netlab.kernel.NamespacePresence.Mounted(inode));
        assertThat(store.load("pend")).isEmpty();
    }
}

package netlab.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import netlab.error.FailureKind;
import netlab.error.NetlabException;
import netlab.sys.Syscall;
import netlab.sys.SyscallException;
import netlab.topology.Lab;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;

/**
 * A failure of up that ran out of descriptors, whoever met it, becomes one line with the limit
 * and a hint (exit 4) instead of a Java exception (exit 1); any other failure stays itself.
 */
class OpenFilesTest {
    private static final Lab LAB = TopologyReader.parse("two.topo", "lab two\nnode a\nnode b\n  masquerade\n");

    @Test
    void aLabNeedsTwoDescriptorsANodeAndOneMoreWithNat() {
        assertThat(OpenFiles.needs(LAB)).isEqualTo(2 * 2 + 1 + OpenFiles.MARGIN);
    }

    @Test
    void runningOutIsFoundWhereverItWasMet() {
        // What a 60,000-node lab met: the state file could not be written.
        RuntimeException stateFile = new UncheckedIOException("cannot record the state of lab two in /run/netlab/two",
                new FileSystemException("/run/netlab/two/state.tmp", null, "Too many open files"));
        RuntimeException socket = new SyscallException("socket", 24);
        RuntimeException netty = new IllegalStateException(new IOException("epoll_create1() failed: Too many open files"));
        RuntimeException system = new SyscallException("open /run/netns/a", 23);

        for (RuntimeException failure : new RuntimeException[] {stateFile, socket, netty, system}) {
            RuntimeException explained = OpenFiles.explain(LAB, failure);

            assertThat(explained).isInstanceOf(NetlabException.class).hasCause(failure);
            assertThat(((NetlabException) explained).kind()).isEqualTo(FailureKind.KERNEL);
            assertThat(explained.getMessage()).doesNotContain("\n").startsWith("lab two ran out of open files (this process "
                    + "may open " + Syscall.openFileLimit() + "; the system's limit is fs.file-max); what it made is removed "
                    + "again. Raise the limit, e.g. ulimit -n ");
        }
    }

    @Test
    void aRollbackThatFailedIsSaid() {
        RuntimeException failure = new SyscallException("socket", 24);
        failure.addSuppressed(new IllegalStateException("could not remove"));

        assertThat(OpenFiles.explain(LAB, failure).getMessage()).contains("not all it made could be removed: netlab down two");
    }

    @Test
    void anyOtherFailureStaysItself() {
        RuntimeException other = new SyscallException("socket", 1);

        assertThat(OpenFiles.explain(LAB, other)).isSameAs(other);
    }
}

package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import netlab.error.InterruptedWaitException;
import netlab.error.LabStateException;
import netlab.error.PermissionException;
import netlab.kernel.KernelException;
import netlab.sys.Errno;
import netlab.sys.SyscallException;
import netlab.topology.Source;
import netlab.topology.dsl.Diagnostic;
import netlab.topology.dsl.TopologyException;
import org.junit.jupiter.api.Test;

/** Every kind of failure becomes its documented exit status and one short message, in one place. */
class FailuresTest {
    private record Reported(int code, String err) {}

    private static Reported report(Exception e) {
        StringWriter err = new StringWriter();
        int code = Failures.report(e, new PrintWriter(err), false);
        return new Reported(code, err.toString());
    }

    @Test
    void eachKindHasItsExitStatus() {
        assertThat(report(new LabStateException("lab lan is not up"))).isEqualTo(new Reported(6, "netlab: lab lan is not up\n"));
        assertThat(report(new PermissionException("run it with sudo"))).isEqualTo(new Reported(5, "netlab: run it with sudo\n"));
        assertThat(report(new KernelException("create bridge br0", Errno.EEXIST.value(), null)).code()).isEqualTo(4);
        assertThat(report(new SyscallException("setns", Errno.EPERM.value())).code()).isEqualTo(5);
        assertThat(report(new SyscallException("mount", Errno.EINVAL.value())).code()).isEqualTo(4);
    }

    @Test
    void aTopologyFilesProblemsArePrintedAsTheyAre() {
        TopologyException problems = new TopologyException(List.of(
                new Diagnostic(new Source("lan.topo", 3, 3), "unknown statement 'adress'", "  adress eth0")));

        Reported reported = report(problems);

        assertThat(reported.code()).isEqualTo(3);
        assertThat(reported.err()).startsWith("lan.topo:3:3: unknown statement 'adress'\n");
    }

    @Test
    void anInterruptedWaitIsNotALabStateProblem() {
        Reported reported = report(new InterruptedWaitException("waiting for the kernel", new InterruptedException()));
        Thread.interrupted(); // the exception set the flag again, as it must; clear it for the next test

        assertThat(reported).isEqualTo(new Reported(130, "netlab: interrupted while waiting for the kernel\n"));
    }

    @Test
    void anUnexpectedExceptionIsABugAndNamesItsClass() {
        assertThat(report(new IllegalStateException("a channel is open already")))
                .isEqualTo(new Reported(70, "netlab: java.lang.IllegalStateException: a channel is open already\n"));
    }
}

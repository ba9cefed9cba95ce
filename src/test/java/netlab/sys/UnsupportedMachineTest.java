package netlab.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import netlab.error.FailureKind;
import org.junit.jupiter.api.Test;

/**
 * On a machine whose system call numbers netlab does not know, the first system call is refused
 * with one line naming the machine, as the kernel's kind of failure (exit 4), not a bug (70).
 */
class UnsupportedMachineTest {
    @Test
    void anotherArchitectureIsRefusedInOneLine() {
        assertThatThrownBy(() -> Libc.requireKnownArchitecture("aarch64"))
                .isInstanceOf(UnsupportedMachineException.class)
                .hasMessage("this machine is aarch64: netlab knows the system calls of x86_64 (amd64) only")
                .satisfies(e -> assertThat(((UnsupportedMachineException) e).kind()).isEqualTo(FailureKind.KERNEL));
    }

    @Test
    void x86_64IsKnown() {
        Libc.requireKnownArchitecture("amd64");
    }
}

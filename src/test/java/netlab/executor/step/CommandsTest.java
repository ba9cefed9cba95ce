package netlab.executor.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.testing.Shell;
import org.junit.jupiter.api.Test;

/** A name in a plan line is one shell word that the shell reads back as exactly that name. */
class CommandsTest {
    @Test
    void plainNamesStayAsTheyAre() {
        assertThat(Commands.quoted("ns1")).isEqualTo("ns1");
        assertThat(Commands.quoted("veth_guest_foo")).isEqualTo("veth_guest_foo");
        assertThat(Commands.quoted("container-foo")).isEqualTo("container-foo");
    }

    @Test
    void namesAShellWouldReadOtherwiseAreQuoted() {
        assertThat(Commands.quoted("a$b")).isEqualTo("'a$b'");
        assertThat(Commands.quoted("x'y")).isEqualTo("'x'\\''y'");
    }

    @Test
    void theShellReadsEveryQuotedNameBackExactly() {
        for (String name : List.of("a$b", "x'y", "a;b", "`id`", "*", "a b", "$(id)", "~x", "a\\b", "!x", "a|b", "''")) {
            assertThat(Shell.check("sh", "-c", "printf %s " + Commands.quoted(name))).as(name).isEqualTo(name);
        }
    }
}

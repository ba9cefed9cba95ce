package netlab.cli;

import static netlab.cli.Cli.LAN;
import static netlab.cli.Cli.netlab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script offers the names of a running lab: its nodes after exec, the lab where
 * a verb takes a lab, asked of the netlab the user typed (a launcher standing for ./netlab here).
 */
@KernelTest
class CompletionNamesTest {
    @TempDir
    Path directory;

    private KernelTraces before;
    private Path script;
    private Path launcher;
    private Path cwd;

    @BeforeEach
    void lanIsUp() throws Exception {
        before = KernelTraces.take();
        script = BashCompletion.script(directory);
        cwd = Files.createDirectory(directory.resolve("cwd"));
        launcher = launcher(Files.createDirectory(directory.resolve("bin")));
        NetlabRunner.Run up = netlab("up", LAN);
        assertThat(up.exitCode()).as(up.err()).isEqualTo(ExitCodes.OK);
    }

    @AfterEach
    void nothingIsLeft() {
        netlab("down", "--all");
        assertThat(netlab("ls").out()).isEqualTo("no lab is up\n");
        assertThat(KernelTraces.take()).isEqualTo(before);
    }

    @Test
    void completesTheNodesOfARunningLabAfterExec() {
        assertThat(Shell.check("ip", "netns", "list").lines().map(line -> line.split(" ")[0]).sorted().toList())
                .as("the oracle: the lab's namespaces").isEqualTo(List.of("ns1", "ns2"));

        assertThat(BashCompletion.complete(script, cwd, launcher.toString(), "exec", "")).isEqualTo(List.of("ns1", "ns2"));
        assertThat(BashCompletion.complete(script, cwd, launcher.toString(), "-v", "exec", "ns2")).isEqualTo(List.of("ns2"));
    }

    @Test
    void completesTheLabWhereAVerbTakesOneAndFilesBesideIt() throws Exception {
        Files.writeString(cwd.resolve("lab.topo"), "");

        assertThat(BashCompletion.complete(script, cwd, launcher.toString(), "down", "")).isEqualTo(List.of("lan", "lab.topo"));
        assertThat(BashCompletion.complete(script, cwd, launcher.toString(), "show", "la")).isEqualTo(List.of("lan", "lab.topo"));
        assertThat(netlab("down", "lan").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(BashCompletion.complete(script, cwd, launcher.toString(), "down", "")).isEqualTo(List.of("lab.topo"));
        assertThat(BashCompletion.complete(script, cwd, launcher.toString(), "exec", "")).isEmpty();
    }

    /** A netlab command as the user has one on the PATH: runs netlab.cli.Main in a JVM of its own. */
    private static Path launcher(Path bin) throws Exception {
        String command = NetlabRunner.javaCommand(Main.class).stream().map(word -> "'" + word + "'")
                .collect(Collectors.joining(" "));
        Path launcher = bin.resolve("netlab");
        Files.writeString(launcher, "#!/bin/sh\nexec " + command + " \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        return launcher;
    }
}

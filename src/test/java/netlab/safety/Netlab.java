package netlab.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import netlab.cli.Main;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.NetlabRunner;

/** Runs netlab for the safety tests: in-process with captured output, or as a child JVM. */
final class Netlab {
    /** The example lab, as the tests (run from src/) name it on the command line. */
    static final String LAN = "../topologies/lan.topo";
    static final String AWS = "../topologies/aws-secondary-ip.topo";

    private Netlab() {}

    static Run run(String... args) {
        return NetlabRunner.inProcess(args);
    }

    /** After each test: a failed test must not leave its labs to the next one. */
    static void removeLabsLeftUp() {
        if (!run("ls").out().equals("no lab is up\n")) {
            run("down", "--all");
        }
    }

    /**
     * Starts {@code java ... netlab.cli.Main args...} without waiting for it; its standard output
     * and error go to {@code out} and {@code err}.
     */
    static Process start(Path out, Path err, String... args) {
        List<String> command = NetlabRunner.javaCommand(Main.class, args);
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("NETLAB_TEST_FAIL_BEFORE_STEP");
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

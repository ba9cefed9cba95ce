package netlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import netlab.cli.Main;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.NetlabRunner;
import netlab.testing.Shell;

/**
 * One lab of {@code topologies/} brought up with the in-process CLI, and taken down again with
 * proof that nothing of it is left: no namespace, no link, route or nf_tables table in the
 * sandbox's root namespace (the lab's "host") that was not there before, no record under
 * /run/netlab, and the host's sysctls as they were.
 */
final class LabRun {
    private static final List<String> HOST_SYSCTLS = List.of("net/ipv4/ip_forward");

    private final String name;
    private final HostState before;

    private LabRun(String name, HostState before) {
        this.name = name;
        this.before = before;
    }

    /** What {@code netlab VERB ...} printed, and its exit status. */
    static Run netlab(String... args) {
        return NetlabRunner.inProcess(args);
    }

    /** {@code netlab up ../topologies/FILE.topo}, which must succeed. */
    static LabRun up(String file, String lab) {
        return up(Path.of("../topologies/" + file + ".topo"), lab);
    }

    /** {@code netlab up FILE}, which must succeed. */
    static LabRun up(Path file, String lab) {
        HostState before = HostState.now();
        assertThat(Shell.check("ip", "netns", "list")).as("namespaces before the lab").isEmpty();
        Run up = netlab("up", file.toString());
        assertThat(up.exitCode()).as("netlab up %s: %s", file, up.err()).isZero();
        assertThat(up.out()).startsWith("lab " + lab + " is up");
        return new LabRun(lab, before);
    }

    /** {@code netlab down LAB}, then everything the lab made is gone and the host is as before. */
    void downLeavesNothing() {
        Run down = netlab("down", name);
        assertThat(down.exitCode()).as("netlab down %s: %s", name, down.err()).isZero();
        assertThat(down.out()).isEqualTo("lab " + name + " is down\n");

        assertThat(Shell.check("ip", "netns", "list")).as("ip netns list").isEmpty();
        assertThat(runNetlab()).as("/run/netlab").isEmpty();
        HostState after = HostState.now();
        assertThat(after.links()).as("links of the host").isEqualTo(before.links());
        assertThat(after.addresses()).as("addresses of the host").isEqualTo(before.addresses());
        assertThat(after.routes()).as("routes of the host").isEqualTo(before.routes());
        assertThat(after.tables()).as("nf_tables tables of the host").isEqualTo(before.tables()).isEmpty();
        assertThat(after.sysctls()).as("host sysctls").isEqualTo(before.sysctls());
    }

    private static List<String> runNetlab() {
        Path dir = Path.of("/run/netlab");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(Path::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root namespace of the sandbox, which the labs use as their host. */
    private record HostState(List<String> links, List<String> addresses, List<String> routes, List<String> tables,
            List<String> sysctls) {
        static HostState now() {
            List<String> sysctls = new ArrayList<>();
            for (String key : HOST_SYSCTLS) {
                try {
                    sysctls.add(key + "=" + Files.readString(Path.of("/proc/sys", key)).strip());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new HostState(Oracle.links(Oracle.HOST), List.copyOf(Oracle.addresses(Oracle.HOST)),
                    List.copyOf(Oracle.routes(Oracle.HOST)), Oracle.tables(Oracle.HOST), sysctls);
        }
    }

    /**
     * {@code netlab exec NODE COMMAND...} in a JVM of its own (exec replaces the process it runs
     * in, so it cannot run in the test's JVM), started as the launcher starts it.
     */
    static Shell.Result exec(String node, String... command) {
        List<String> java = NetlabRunner.javaCommand(Main.class, "exec", node);
        java.addAll(List.of(command));
        return Shell.run(java.toArray(String[]::new));
    }

    /** {@code ip netns exec NODE COMMAND...}: iproute2's way into the same node. */
    static Shell.Result ipNetnsExec(String node, String... command) {
        List<String> ip = new ArrayList<>(List.of("ip", "netns", "exec", node));
        ip.addAll(List.of(command));
        return Shell.run(ip.toArray(String[]::new));
    }

    /** A ping of {@code count} packets answered every time, judged from ping's own summary. */
    static void assertAnswered(Shell.Result ping, int count) {
        assertThat(ping.exitCode()).as("ping exit status; it printed:%n%s%s", ping.stdout(), ping.stderr()).isZero();
        assertThat(ping.stdout()).contains(count + " packets transmitted, " + count + " received, 0% packet loss");
    }
}

package netlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import netlab.doctor.Doctor;
import netlab.doctor.Finding;
import netlab.topology.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "doctor", description = {"Check the machine for what makes labs fail: kernel features, a firewall's "
        + "forward drop, br_netfilter, iptables-legacy, /run/netns propagation, lab subnets overlapping the machine's "
        + "routes. Changes nothing; exit 0 when nothing blocks a lab, 1 otherwise.",
        "Without FILE, the labs shipped in the topologies directory next to netlab are compared with the routes."})
final class DoctorCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Topology files whose subnets to compare with the machine's routes.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        List<Lab> labs = (files.isEmpty() ? shippedFiles() : files).stream().map(Labs::read).toList();
        List<Finding> findings = Doctor.examine(Privileges.isAdmin(), labs);
        PrintWriter out = spec.commandLine().getOut();
        findings.forEach(finding -> out.println(finding.line()));
        out.println(summary(findings));
        return Doctor.blocks(findings) ? ExitCodes.EXPECTATION_FAILED : ExitCodes.OK;
    }

    private static String summary(List<Finding> findings) {
        List<String> counts = new ArrayList<>();
        for (Finding.Level level : Finding.Level.values()) {
            long count = findings.stream().filter(finding -> finding.level() == level).count();
            if (count > 0) {
                counts.add(count + " " + level.word() + (count > 1 && level != Finding.Level.NOT_CHECKED ? "s" : ""));
            }
        }
        return "netlab doctor: " + (Doctor.blocks(findings) ? "" : "nothing blocks a lab")
                + (counts.isEmpty() ? "" : (Doctor.blocks(findings) ? "" : "; ") + String.join(", ", counts));
    }

    /** The .topo files of the topologies directory of the checkout netlab's jar belongs to (none when there is none). */
    private static List<Path> shippedFiles() {
        Path directory = shippedDirectory();
        if (directory == null) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(file -> file.getFileName().toString().endsWith(".topo")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** src/target/netlab.jar in a checkout: topologies/ is two levels up; looked for up to three. */
    private static Path shippedDirectory() {
        try {
            Path jar = Path.of(DoctorCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path up = jar.getParent(); up != null && jar.getNameCount() - up.getNameCount() <= 4; up = up.getParent()) {
                if (Files.isDirectory(up.resolve("topologies"))) {
                    return up.resolve("topologies");
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // no code source: only the files given are compared
        }
        return null;
    }
}

package netlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netlab.partition.Partition;
import netlab.partition.parts.LabSplitter;
import netlab.partition.parts.Underlay;
import netlab.partition.parts.VniBase;
import netlab.topology.Addresses;
import netlab.topology.Lab;
import netlab.topology.write.TopologyWriter;

/** {@code partition --write DIR}: each part as {@code DIR/LAB.pN.topo}, with a header saying what it is. */
final class PartFiles {
    private PartFiles() {}

    static List<Path> write(Lab lab, Partition partition, Underlay underlay, Integer vniBase, long seed, Path dir) {
        int base = vniBase != null ? vniBase : VniBase.forLab(lab.name(), LabSplitter.vnisNeeded(lab, partition));
        List<Lab> parts = LabSplitter.split(lab, partition, underlay, base);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int p = 0; p < parts.size(); p++) {
                Path file = dir.resolve(lab.name() + ".p" + p + ".topo");
                Files.writeString(file, header(lab, p, parts.size(), underlay, base, seed)
                        + TopologyWriter.write(parts.get(p)));
                written.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parts to " + dir + ": " + e.getMessage(), e);
        }
        return written;
    }

    static String header(Lab lab, int part, int parts, Underlay underlay, int base, long seed) {
        return "# Part " + part + " of " + parts + " of lab " + lab.name() + " (" + lab.file() + "), written by netlab "
                + "partition --hosts " + parts + " --seed " + seed + ".\n"
                + "# This machine is " + Addresses.format(underlay.of(part)) + " on the underlay (MTU " + underlay.mtu()
                + "); VNIs from " + base + ".\n"
                + "# On that machine: netlab up THIS-FILE --hold [--peers FILE]\n";
    }
}

package netlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.partition.Partition;
import netlab.partition.parts.LabSplitter;
import netlab.partition.parts.Underlay;
import netlab.partition.parts.VniBase;
import netlab.topology.Addresses;
import netlab.topology.Lab;
import netlab.topology.write.TopologyWriter;

/**
 * {@code partition --write DIR}: each part as {@code DIR/LAB.pN.topo}, with a header saying what
 * it is. The split is made (and refused) before anything is written; the part files of an
 * earlier split of the same lab into more machines are removed, so that DIR holds one split.
 */
final class PartFiles {
    private final Lab lab;
    private final List<Lab> parts;
    private final Underlay underlay;
    private final int base;
    private final long seed;

    private PartFiles(Lab lab, List<Lab> parts, Underlay underlay, int base, long seed) {
        this.lab = lab;
        this.parts = parts;
        this.underlay = underlay;
        this.base = base;
        this.seed = seed;
    }

    /** The parts, split now; IllegalArgumentException when the split cannot be made as asked. */
    static PartFiles of(Lab lab, Partition partition, Underlay underlay, Integer vniBase, long seed) {
        int base = vniBase != null ? vniBase : VniBase.forLab(lab.name(), LabSplitter.vnisNeeded(lab, partition));
        return new PartFiles(lab, LabSplitter.split(lab, partition, underlay, base), underlay, base, seed);
    }

    /** Writes the parts into {@code dir} (made if missing); one line per file written or removed. */
    List<String> writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> done = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            Path file = dir.resolve(lab.name() + ".p" + p + ".topo");
            Files.writeString(file, header(lab, p, parts.size(), underlay, base, seed) + TopologyWriter.write(parts.get(p)));
            done.add("wrote " + file);
        }
        for (Path stale : staleParts(dir)) {
            Files.delete(stale);
            done.add("removed " + stale + " (a part of an earlier split)");
        }
        return done;
    }

    /** {@code LAB.pN.topo} files past this split's parts whose first line says netlab wrote them for this lab. */
    private List<Path> staleParts(Path dir) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(lab.name()) + "\\.p(\\d{1,9})\\.topo");
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Matcher matcher = name.matcher(file.getFileName().toString());
                if (matcher.matches() && Integer.parseInt(matcher.group(1)) >= parts.size() && Files.isRegularFile(file)
                        && firstLine(file).startsWith("# Part " + matcher.group(1) + " of ")
                        && firstLine(file).contains(" of lab " + lab.name() + " (")) {
                    stale.add(file);
                }
            }
        }
        stale.sort(null);
        return stale;
    }

    private static String firstLine(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            return line == null ? "" : line;
        } catch (java.nio.charset.MalformedInputException e) {
            return "";
        }
    }

    static String header(Lab lab, int part, int parts, Underlay underlay, int base, long seed) {
        return "# Part " + part + " of " + parts + " of lab " + lab.name() + " (" + printable(lab.file().toString())
                + "), written by netlab partition --hosts " + parts + " --seed " + seed + ".\n"
                + "# This machine is " + Addresses.format(underlay.of(part)) + " on the underlay (MTU " + underlay.mtu()
                + "); VNIs from " + base + ".\n"
                + "# On that machine: netlab up THIS-FILE --hold [--peers FILE]\n";
    }

    /** A path in a comment line: a newline in it would end the comment, and the rest be read as statements. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }
}

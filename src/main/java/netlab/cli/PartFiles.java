package netlab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.partition.Partition;
import netlab.partition.parts.LabSplitter;
import netlab.partition.parts.Underlay;
import netlab.partition.parts.VniBase;
import netlab.topology.Addresses;
import netlab.topology.Lab;
import netlab.topology.Printable;
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

    /**
     * Writes the parts into {@code dir} (made if missing); one line per file written or removed.
     * Each part goes to a file of its own first and is renamed over its name once all are
     * written: a failure leaves the earlier split whole, and a symbolic link at a part's name is
     * replaced, never followed.
     */
    List<String> writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> targets = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            Path target = dir.resolve(lab.name() + ".p" + p + ".topo");
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(target.toString(), null, "a directory is in the way");
            }
            targets.add(target);
        }
        List<Path> stale = staleParts(dir);
        Path source = Path.of(lab.file());
        for (Path replaced : concat(targets, stale)) {
            // Splitting a part again into its own directory would replace or remove the very file read.
            if (Files.exists(replaced) && Files.exists(source) && Files.isSameFile(replaced, source)) {
                throw new FileSystemException(replaced.toString(), null, "that is the file being split; write the "
                        + "parts to another directory");
            }
        }
        List<Path> written = new ArrayList<>();
        try {
            for (int p = 0; p < parts.size(); p++) {
                // Not createTempFile: its 0600 would follow the part to the machines it is copied to;
                // a new file of our own takes the umask's mode, as the files a user writes do.
                Path temporary = dir.resolve("." + lab.name() + ".p" + p + "."
                        + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
                written.add(Files.createFile(temporary));
                Files.writeString(temporary, header(lab, p, parts.size(), underlay, base, seed)
                        + TopologyWriter.write(parts.get(p)));
            }
            List<String> done = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                Files.move(written.get(p), targets.get(p), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                done.add("wrote " + Printable.line(targets.get(p).toString()));
            }
            written.clear();
            for (Path earlier : stale) {
                Files.delete(earlier);
                done.add("removed " + Printable.line(earlier.toString()) + " (a part of an earlier split)");
            }
            return done;
        } finally {
            for (Path temporary : written) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
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
        return "# Part " + part + " of " + parts + " of lab " + lab.name() + " (" + Printable.line(lab.file().toString())
                + "), written by netlab partition --hosts " + parts + " --seed " + seed + ".\n"
                + "# This machine is " + Addresses.format(underlay.of(part)) + " on the underlay (MTU " + underlay.mtu()
                + "); VNIs from " + base + ".\n"
                + "# On that machine: netlab up THIS-FILE --hold [--peers FILE]\n";
    }
}

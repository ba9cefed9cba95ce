package netlab.topology.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.topology.Expectation;
import netlab.topology.Lab;
import netlab.topology.Source;

/**
 * Reads a topology file into a resolved {@link Lab}, or an expectations file into the
 * {@link Expectation}s it holds for a lab, or throws a {@link TopologyException} listing every
 * problem in it. Nothing here touches the kernel.
 */
public final class TopologyReader {
    /** Far beyond any lab (a 1000-node star is ~100 KB); a bigger file is a mistake, refused before reading. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    /** File types of st_mode, as in {@code <sys/stat.h>}. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private TopologyReader() {}

    public static Lab read(Path file) {
        return parse(file.toString(), text(file, "a topology file"));
    }

    /** {@code fileName} names the text in messages and in {@link Lab#file()}; the lab name defaults to it. */
    public static Lab parse(String fileName, String text) {
        List<String> lines = lines(fileName, text, "a topology file");
        Problems problems = new Problems(fileName, lines);
        Syntax.File syntax = Parser.parse(fileName, lines, problems);
        return Resolver.resolve(syntax, fileName, problems);
    }

    /**
     * Reads an expectations file: only {@code expect} lines, each naming its node, with comments
     * and blank lines, resolved against {@code lab} (its nodes, interfaces and addresses). The
     * same rules and diagnostics as a topology file, positions in this file.
     */
    public static List<Expectation> readExpectations(Path file, Lab lab) {
        return parseExpectations(file.toString(), text(file, "an expectations file"), lab);
    }

    /** {@link #readExpectations} of a text; {@code fileName} names it in messages and sources. */
    public static List<Expectation> parseExpectations(String fileName, String text, Lab lab) {
        return ExpectationsFile.parse(fileName, lines(fileName, text, "an expectations file"), lab);
    }

    /**
     * The file's text, if it is a regular file of at most {@link #MAX_BYTES} in valid UTF-8;
     * {@code what} it should be, for the message about a file too big.
     */
    private static String text(Path file, String what) {
        String name = file.toString();
        byte[] bytes;
        try {
            String kind = notRegular(file);
            if (kind != null) {
                throw fileProblem(name, "cannot read the file: it is " + kind + ", not a regular file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                // One byte more than the limit tells "too big" apart without reading a 100 MB file whole.
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (IOException | SecurityException e) {
            throw fileProblem(name, "cannot read the file: " + describe(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw tooBig(name, what);
        }
        return Utf8.decode(name, bytes);
    }

    private static List<String> lines(String fileName, String text, String what) {
        if (text.length() > MAX_BYTES) {
            throw tooBig(fileName, what);
        }
        return Lexer.lines(text);
    }

    private static TopologyException tooBig(String fileName, String what) {
        return fileProblem(fileName, "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; is it " + what + "?");
    }

    /**
     * What {@code file} (followed through links) is when it is not a regular file, else null.
     * Asked before it is opened: opening a FIFO waits for a writer, forever if none comes, and a
     * device can be read without end. (A file swapped for one between this look and the open is
     * not caught: netlab cannot open without waiting in Java's file API.)
     */
    private static String notRegular(Path file) throws IOException {
        int type = (Integer) Files.getAttribute(file, "unix:mode") & S_IFMT;
        return switch (type) {
            case S_IFREG -> null;
            case S_IFDIR -> "a directory";
            case S_IFIFO -> "a FIFO";
            case S_IFCHR -> "a character device";
            case S_IFBLK -> "a block device";
            case S_IFSOCK -> "a socket";
            default -> "of file type " + Integer.toOctalString(type);
        };
    }

    /**
     * A problem found after reading (at up, against the kernel), with the line it points at read
     * again from the file, or without it when the file is gone, changed, or no longer a regular
     * file of at most {@link #MAX_BYTES}.
     */
    /** Null when {@code name} can name a lab (as a file's lab line, or up --name), otherwise why not. */
    public static String labNameProblem(String name) {
        return Names.labProblem(name);
    }

    public static Diagnostic diagnostic(Source source, String message) {
        String line = "";
        try {
            Path file = Path.of(source.file());
            if (notRegular(file) == null && Files.size(file) <= MAX_BYTES) {
                List<String> lines = Lexer.lines(Files.readString(file));
                line = source.line() >= 1 && source.line() <= lines.size() ? lines.get(source.line() - 1) : "";
            }
        } catch (IOException | RuntimeException e) {
            // Reported without the quoted line.
        }
        return new Diagnostic(source, message, line);
    }

    static TopologyException fileProblem(String fileName, String message) {
        return new TopologyException(List.of(new Diagnostic(new Source(fileName, 0, 0), message, "")));
    }

    private static String describe(Exception e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "no such file";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}

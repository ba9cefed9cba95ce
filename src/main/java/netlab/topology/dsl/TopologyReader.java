package netlab.topology.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netlab.topology.Lab;
import netlab.topology.Source;

/**
 * Reads a topology file into a resolved {@link Lab}, or throws a {@link TopologyException}
 * listing every problem in it. Nothing here touches the kernel.
 */
public final class TopologyReader {
    /** Far beyond any lab (a 1000-node star is ~100 KB); a bigger file is a mistake, refused before reading. */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private TopologyReader() {}

    public static Lab read(Path file) {
        String name = file.toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // One byte more than the limit tells "too big" apart without reading a 100 MB file whole.
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException | SecurityException e) {
            throw fileProblem(name, "cannot read the file: " + describe(e));
        }
        if (bytes.length > MAX_BYTES) {
            throw fileProblem(name, "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; is it a topology file?");
        }
        return parse(name, Utf8.decode(name, bytes));
    }

    /** {@code fileName} names the text in messages and in {@link Lab#file()}; the lab name defaults to it. */
    public static Lab parse(String fileName, String text) {
        if (text.length() > MAX_BYTES) {
            throw fileProblem(fileName, "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; is it a topology file?");
        }
        List<String> lines = Lexer.lines(text);
        Problems problems = new Problems(fileName, lines);
        Syntax.File syntax = Parser.parse(fileName, lines, problems);
        return Resolver.resolve(syntax, fileName, problems);
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

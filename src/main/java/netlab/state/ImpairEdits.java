package netlab.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netlab.error.LabStateException;

/**
 * The impairments {@code netlab impair} changed on a running lab, in order, kept beside the lab's
 * record ({@code /run/netlab/LAB/impair-edits}) and gone with it at {@code down}: each is a node's
 * interface and the options of its new impair line, none for {@code --clear}. A later edit of the
 * same interface replaces an earlier one. One line each, {@code impair NODE IF [WORD...]}, words
 * encoded as the record's are; a line that is not one is refused whole, as the record is.
 */
public final class ImpairEdits {
    private static final String FILE = "impair-edits";
    private static final String KEYWORD = "impair";

    /** One edit: the interface, and its options as written after {@code impair IF}; empty: cleared. */
    public record Edit(String node, String interfaceName, List<String> words) {
        public Edit {
            words = List.copyOf(words);
            String problem = RecordNames.pathElementProblem(node);
            problem = problem != null ? problem : RecordNames.interfaceProblem(interfaceName);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            // Each word stays one word of one line of the lab's text: no line break can slip in a
            // statement, no '#' start a comment that hides the words after it.
            if (words.stream().anyMatch(word -> word.isBlank() || word.chars().anyMatch(c -> Character.isISOControl(c)
                    || Character.isWhitespace(c) || c == '#'))) {
                throw new IllegalArgumentException("an option is one word: no blank, no line break, no control character, no '#'");
            }
        }
    }

    private ImpairEdits() {}

    public static List<Edit> read(Path labDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(labDirectory.resolve(FILE), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + labDirectory.resolve(FILE), e);
        }
        List<Edit> edits = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split(" ");
            if (fields.length < 3 || !fields[0].equals(KEYWORD)) {
                throw unreadable(labDirectory, "'" + StateWords.shown(line) + "' is not an impair edit");
            }
            try {
                edits.add(new Edit(StateWords.decode(fields[1]), StateWords.decode(fields[2]),
                        Arrays.stream(fields, 3, fields.length).map(StateWords::decode).toList()));
            } catch (IllegalArgumentException | CorruptStateException e) {
                throw unreadable(labDirectory, e.getMessage());
            }
        }
        return edits;
    }

    private static LabStateException unreadable(Path labDirectory, String why) {
        return new LabStateException(labDirectory.resolve(FILE) + " cannot be read (" + why + "); netlab impair will not "
                + "change the lab until it is down and up again");
    }

    /** Adds {@code edit} at the end (the caller holds the lab's lock). */
    public static void append(Path labDirectory, Edit edit) {
        StringBuilder line = new StringBuilder(KEYWORD).append(' ').append(StateWords.encode(edit.node())).append(' ')
                .append(StateWords.encode(edit.interfaceName()));
        edit.words().forEach(word -> line.append(' ').append(StateWords.encode(word)));
        try {
            Files.writeString(labDirectory.resolve(FILE), line.append('\n'), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + labDirectory.resolve(FILE), e);
        }
    }
}

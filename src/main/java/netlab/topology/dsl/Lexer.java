package netlab.topology.dsl;

import java.util.ArrayList;
import java.util.List;
import netlab.topology.Source;

/**
 * Splits text into lines and lines into words. Words are separated by blanks; {@code #} starts
 * a comment that runs to the end of the line. Columns count characters from 1 (a tab is one).
 * One pass over the text, no regular expressions: a huge line costs its length, nothing more.
 */
final class Lexer {
    private Lexer() {}

    /** The lines of {@code text}, without their {@code \n} or {@code \r\n}. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                if (start < text.length()) {
                    lines.add(stripCr(text.substring(start)));
                }
                break;
            }
            lines.add(stripCr(text.substring(start, end)));
            start = end + 1;
        }
        return lines;
    }

    /**
     * The words of line {@code number}. A line holding a NUL byte (even in a comment) is reported and
     * yields no words: NUL has no place in a text file, and names must never carry one to the kernel.
     */
    static List<Word> words(String file, int number, String line, Problems problems) {
        int nul = line.indexOf('\0');
        if (nul >= 0) {
            problems.add(new Source(file, number, nul + 1), "NUL byte in the file");
            return List.of();
        }
        List<Word> words = new ArrayList<>();
        int i = 0;
        int length = line.length();
        while (i < length) {
            char c = line.charAt(i);
            if (c == '#') {
                break;
            }
            if (isBlank(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < length && !isBlank(line.charAt(i)) && line.charAt(i) != '#') {
                i++;
            }
            words.add(new Word(line.substring(start, i), new Source(file, number, start + 1)));
        }
        return words;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}

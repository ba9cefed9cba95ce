package netlab.state;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One field of a state record as one word: the UTF-8 bytes of the value, each byte outside
 * printable non-blank ASCII, and '%' itself, written {@code %XX} (upper-case hex). A word
 * therefore never holds a blank or a line break, so no value (a path, a name, a sysctl's
 * value, any byte) can end its record or start another: the record's shape is fixed by the
 * writer, whatever the values.
 */
final class StateWords {
    private static final String HEX_DIGITS = "0123456789ABCDEF";
    private static final char[] HEX = HEX_DIGITS.toCharArray();

    private StateWords() {}

    static String encode(String value) {
        StringBuilder word = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (plain(c)) {
                word.append((char) c);
            } else {
                word.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return word.toString();
    }

    /** The value of {@code word}; a word no writer could have written is refused with why. */
    static String decode(String word) {
        ByteBuffer bytes = ByteBuffer.allocate(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '%') {
                if (i + 2 >= word.length()) {
                    throw new CorruptStateException("'%' without two hex digits in '" + shown(word) + "'");
                }
                int high = HEX_DIGITS.indexOf(word.charAt(i + 1));
                int low = HEX_DIGITS.indexOf(word.charAt(i + 2));
                if (high < 0 || low < 0) {
                    throw new CorruptStateException("'%' without two hex digits in '" + shown(word) + "'");
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (plain(c)) {
                bytes.put((byte) c);
            } else {
                throw new CorruptStateException("character " + String.format("U+%04X", (int) c) + " in '"
                        + shown(word) + "'");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip()).toString();
        } catch (CharacterCodingException e) {
            throw new CorruptStateException("'" + shown(word) + "' is not UTF-8 text");
        }
    }

    /** Printable, not blank, not '%': written as it is. */
    private static boolean plain(int c) {
        return c > 0x20 && c < 0x7f && c != '%';
    }

    /** A word as a message may quote it: short, and without control characters. */
    static String shown(String word) {
        String printable = word.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 57) + "..." : printable;
    }
}

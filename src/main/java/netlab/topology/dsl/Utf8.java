package netlab.topology.dsl;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import netlab.topology.Source;

/**
 * Strict UTF-8 decoding. A file that is not UTF-8 is reported at every bad byte sequence (line and
 * column of the character it would have been), never decoded into replacement characters that
 * would then turn up in interface names.
 */
final class Utf8 {
    private Utf8() {}

    static String decode(String fileName, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        List<Integer> bad = new ArrayList<>();
        List<Integer> badBytes = new ArrayList<>();
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                break;
            }
            // Malformed: mark the place in the text, step over the bad bytes, go on.
            bad.add(out.position());
            badBytes.add(bytes[in.position()] & 0xff);
            out.put('\uFFFD');
            in.position(in.position() + result.length());
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (bad.isEmpty()) {
            return text;
        }
        Problems problems = new Problems(fileName, Lexer.lines(text));
        int line = 1;
        int lineStart = 0;
        int scanned = 0;
        for (int i = 0; i < bad.size(); i++) {
            int at = bad.get(i);
            for (; scanned < at; scanned++) {
                if (text.charAt(scanned) == '\n') {
                    line++;
                    lineStart = scanned + 1;
                }
            }
            problems.add(new Source(fileName, line, at - lineStart + 1),
                    String.format("the file is not valid UTF-8 (byte 0x%02x)", badBytes.get(i)));
        }
        problems.throwIfAny();
        throw new AssertionError("unreachable");
    }
}

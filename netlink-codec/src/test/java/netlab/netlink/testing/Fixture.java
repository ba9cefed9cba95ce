package netlab.netlink.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Bytes captured from the real tools or the kernel, stored as text under
 * {@code src/test/resources/fixtures}:
 *
 * <pre>
 * # capture: strace -f -e trace=sendmsg,sendto -e write=all ip neigh add ...
 * 2c000000   # nlmsg_len = 44
 * 1c00       # nlmsg_type = RTM_NEWNEIGH
 * 0b2a1e68   # ! nlmsg_seq: run-time value, masked when comparing an encoding
 * </pre>
 *
 * Lines starting with {@code #} are comments (the first names the capture command); on a data
 * line, hex digits come before the {@code #} and its comment. A comment starting with {@code !}
 * marks bytes the tool filled at run time (sequence numbers, port ids, ifindexes): they are
 * decoded as captured but ignored when an encoding is compared with the fixture.
 */
public final class Fixture {
    private final String name;
    private final String capture;
    private final byte[] bytes;
    private final boolean[] masked;
    private final List<Line> lines;

    private record Line(int offset, int length, String comment) {}

    private Fixture(String name, String capture, byte[] bytes, boolean[] masked, List<Line> lines) {
        this.name = name;
        this.capture = capture;
        this.bytes = bytes;
        this.masked = masked;
        this.lines = lines;
    }

    /** Loads {@code fixtures/PATH} from the test resources. */
    public static Fixture load(String path) {
        try (InputStream in = Fixture.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Fixture parse(String name, String text) {
        String capture = null;
        StringBuilder hex = new StringBuilder();
        List<Boolean> mask = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                if (capture == null) {
                    capture = trimmed.substring(1).strip();
                }
                continue;
            }
            int hash = trimmed.indexOf('#');
            String data = (hash < 0 ? trimmed : trimmed.substring(0, hash)).replaceAll("\\s", "");
            String comment = hash < 0 ? "" : trimmed.substring(hash + 1).strip();
            if (data.isEmpty()) {
                continue;
            }
            if (data.length() % 2 != 0 || !data.matches("[0-9a-fA-F]*")) {
                throw new IllegalArgumentException(name + ": bad hex '" + data + "'");
            }
            lines.add(new Line(hex.length() / 2, data.length() / 2, comment));
            hex.append(data);
            for (int i = 0; i < data.length() / 2; i++) {
                mask.add(comment.startsWith("!"));
            }
        }
        if (capture == null || !capture.startsWith("capture:")) {
            throw new IllegalArgumentException(name + ": the first line must be '# capture: COMMAND'");
        }
        boolean[] masked = new boolean[mask.size()];
        for (int i = 0; i < masked.length; i++) {
            masked[i] = mask.get(i);
        }
        return new Fixture(name, capture, HexFormat.of().parseHex(hex), masked, List.copyOf(lines));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public ByteBuf buffer() {
        return Unpooled.wrappedBuffer(bytes.clone());
    }

    public String capture() {
        return capture;
    }

    /**
     * Null when {@code actual} equals the fixture on every unmasked byte; otherwise a report
     * naming each differing line of the fixture with its comment.
     */
    public String mismatch(ByteBuf actual) {
        byte[] got = ByteBufUtil.getBytes(actual);
        StringBuilder report = new StringBuilder();
        if (got.length != bytes.length) {
            report.append("length ").append(got.length).append(", fixture has ").append(bytes.length).append('\n');
        }
        for (Line line : lines) {
            for (int i = line.offset(); i < line.offset() + line.length(); i++) {
                boolean differs = i >= got.length || (!masked[i] && got[i] != bytes[i]);
                if (differs) {
                    int until = Math.min(got.length, line.offset() + line.length());
                    report.append(String.format("offset %d (%s): fixture %s, encoded %s%n", line.offset(),
                            line.comment(),
                            HexFormat.of().formatHex(bytes, line.offset(), line.offset() + line.length()),
                            line.offset() < until ? HexFormat.of().formatHex(got, line.offset(), until) : "nothing"));
                    break;
                }
            }
        }
        return report.isEmpty() ? null : name + " differs:\n" + report;
    }
}

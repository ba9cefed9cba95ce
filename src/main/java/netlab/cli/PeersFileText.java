package netlab.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import netlab.sys.RegularFiles;

/**
 * A peers file's text, read as an agent may safely read a file others put in place: a regular
 * file only (a FIFO would block the agent past SIGTERM, a device never end), through symbolic
 * links (a ConfigMap's volume is links), at most {@link #MAX_BYTES}, UTF-8 (a leading byte order
 * mark dropped, as an editor may write one).
 */
final class PeersFileText {
    /** A line per machine of a lab: a megabyte is thousands of machines. */
    static final int MAX_BYTES = 1 << 20;

    private PeersFileText() {}

    static String read(Path file) throws IOException {
        byte[] bytes = RegularFiles.readThroughLinks(file, MAX_BYTES);
        String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}

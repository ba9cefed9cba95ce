package netlab.state;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The link group that marks a lab's interfaces in the host namespace. It is set in the very
 * request that creates an interface, so no interface of the lab ever exists unmarked, and it
 * survives a rename; {@code down} deletes the whole group in one request.
 */
public final class LabGroups {
    private LabGroups() {}

    /** CRC-32 of {@code netlab:LAB}; never 0, which is every interface's default group. */
    public static int of(String lab) {
        CRC32 crc = new CRC32();
        crc.update(("netlab:" + lab).getBytes(StandardCharsets.UTF_8));
        int group = (int) crc.getValue();
        return group == 0 ? 1 : group;
    }
}

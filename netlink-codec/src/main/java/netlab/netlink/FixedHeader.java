package netlab.netlink;

/** Bounds checks for the fixed structs that start family payloads (ifinfomsg, rtmsg, nfgenmsg...). */
public final class FixedHeader {
    private FixedHeader() {}

    /** Fails unless {@code size} bytes of struct {@code name} fit between offset and end. */
    public static void require(DecodePath path, int offset, int end, int size, String name) {
        if (end - offset < size) {
            throw path.fail(name + " needs " + size + " bytes, " + (end - offset) + " remain");
        }
    }
}

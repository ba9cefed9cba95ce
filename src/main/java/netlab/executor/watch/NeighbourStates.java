package netlab.executor.watch;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.route.NdMsg;

/** NUD_* bits as {@code ip neigh} prints them (iproute2's nud_state_n2a): REACHABLE, STALE... */
final class NeighbourStates {
    private static final int[] BITS = {NdMsg.NUD_INCOMPLETE, NdMsg.NUD_REACHABLE, NdMsg.NUD_STALE, NdMsg.NUD_DELAY,
            NdMsg.NUD_PROBE, NdMsg.NUD_FAILED, NdMsg.NUD_NOARP, NdMsg.NUD_PERMANENT};
    private static final String[] NAMES = {"INCOMPLETE", "REACHABLE", "STALE", "DELAY", "PROBE", "FAILED", "NOARP",
            "PERMANENT"};

    private NeighbourStates() {}

    static String of(int state) {
        if (state == 0) {
            return "NONE";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < BITS.length; i++) {
            if ((state & BITS[i]) != 0) {
                names.add(NAMES[i]);
            }
        }
        return names.isEmpty() ? "0x" + Integer.toHexString(state) : String.join(",", names);
    }
}

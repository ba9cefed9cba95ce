package netlab.topology;

import java.net.InetAddress;
import java.util.List;

/**
 * What an {@code expect} statement probes.
 *
 * @param address the address the probe is sent to
 * @param written how the file named it: the address, or {@code NODE:IF}
 * @param owners the lab's nodes that hold this address on one of their interfaces (empty for an
 *     address outside the lab); {@code as} listens in these
 */
public record ProbeTarget(InetAddress address, String written, List<String> owners) {
    public ProbeTarget {
        owners = List.copyOf(owners);
    }
}

package netlab.topology.write;

import java.util.ArrayList;
import java.util.List;

/** An interface a {@link RandomTopology} text makes, as much as its other statements need to know of it. */
final class RandomInterface {
    enum Kind { LOOPBACK, BRIDGE, VETH, PORT, MACVLAN, VXLAN }

    final String node;
    /** Null for a bridge port named by the reader. */
    final String name;
    final Kind kind;
    /** Its addresses' /24 and /64 are 10.S.0.0 and fd00:S::; -1 for lo (/32 and /128). */
    final int segment;
    final List<String> v4 = new ArrayList<>();
    final List<String> v6 = new ArrayList<>();
    RandomInterface peer;
    boolean impaired;

    RandomInterface(String node, String name, Kind kind, int segment) {
        this.node = node;
        this.name = name;
        this.kind = kind;
        this.segment = segment;
    }

    /** One the statements may name: not lo, not a port. */
    boolean named() {
        return kind != Kind.LOOPBACK && kind != Kind.PORT;
    }
}

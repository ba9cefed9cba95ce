package netlab.topology.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.topology.Cidr;
import netlab.topology.Endpoint;
import netlab.topology.NetInterface;
import netlab.topology.NetInterface.MacvlanMode;
import netlab.topology.Source;

/** An interface while the resolver collects what the file says about it; built into the model at the end. */
final class InterfaceDraft {
    enum Kind { LOOPBACK, BRIDGE, VETH, MACVLAN, VXLAN }

    final Kind kind;
    final String node;
    final String name;
    final Source source;
    final List<Located<Cidr>> addresses = new ArrayList<>();
    Located<Integer> mtu;
    Located<String> mac;
    // veth ends
    Endpoint peer;
    boolean creator;
    String master;
    // macvlans
    Word parentNode;
    Word parent;
    MacvlanMode mode;
    // vxlans (master above: 'to BR'); underlay is set once addresses are known
    Syntax.Vxlan vxlan;
    String underlay;

    InterfaceDraft(Kind kind, String node, String name, Source source) {
        this.kind = kind;
        this.node = node;
        this.name = name;
        this.source = source;
    }

    Endpoint endpoint() {
        return new Endpoint(node, name);
    }

    boolean isPort() {
        return master != null;
    }

    /** "bridge", "veth end", ... for messages. */
    String describe() {
        return switch (kind) {
            case LOOPBACK -> "the loopback";
            case BRIDGE -> "a bridge";
            case VETH -> isPort() ? "a port of bridge '" + master + "'" : "a veth end";
            case MACVLAN -> "a macvlan";
            case VXLAN -> isPort() ? "a vxlan port of bridge '" + master + "'" : "a vxlan";
        };
    }

    NetInterface build() {
        List<Cidr> cidrs = addresses.stream().map(Located::value).toList();
        OptionalInt mtuValue = mtu == null ? OptionalInt.empty() : OptionalInt.of(mtu.value());
        Optional<String> macValue = Optional.ofNullable(mac).map(Located::value);
        return switch (kind) {
            case LOOPBACK -> new NetInterface.Loopback(cidrs, mtuValue, source);
            case BRIDGE -> new NetInterface.Bridge(name, cidrs, mtuValue, macValue, source);
            case VETH -> new NetInterface.VethEnd(name, peer, creator, Optional.ofNullable(master), cidrs, mtuValue,
                    macValue, source);
            case MACVLAN -> new NetInterface.Macvlan(name, new Endpoint(parentNode.text(), parent.text()), mode, cidrs,
                    mtuValue, macValue, source);
            case VXLAN -> new NetInterface.Vxlan(name, vxlan.vni(),
                    vxlan.remotes().stream().map(Located::value).toList(), vxlan.local().map(Located::value),
                    Optional.ofNullable(underlay), vxlan.machine(), vxlan.port(),
                    Optional.ofNullable(master), cidrs, mtuValue, macValue, source);
        };
    }
}

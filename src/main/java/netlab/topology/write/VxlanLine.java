package netlab.topology.write;

import netlab.topology.NetInterface.Vxlan;

/** {@code vxlan IF vni N remote ADDR... [local ADDR] [underlay host] [dstport P] [mtu M] [to BR]}. */
final class VxlanLine {
    private VxlanLine() {}

    /**
     * One option for each component the file states; the underlay is not one of them (the reader
     * finds it from {@code local}), and the port and MTU are left out where the reader's default
     * gives them back. A vxlan's MTU goes here rather than on a line of its own: one statement
     * says all the file says of the tunnel.
     */
    static String of(Vxlan vxlan) {
        StringBuilder line = new StringBuilder("vxlan ").append(vxlan.name())
                .append(" vni ").append(vxlan.vni())
                .append(" remote");
        vxlan.remotes().forEach(remote -> line.append(' ').append(Words.address(remote)));
        vxlan.local().ifPresent(local -> line.append(" local ").append(Words.address(local)));
        if (vxlan.machine()) {
            line.append(" underlay host");
        }
        if (vxlan.port() != Vxlan.IANA_PORT) {
            line.append(" dstport ").append(vxlan.port());
        }
        vxlan.mtu().ifPresent(mtu -> line.append(" mtu ").append(mtu));
        vxlan.master().ifPresent(bridge -> line.append(" to ").append(bridge));
        return line.toString();
    }
}

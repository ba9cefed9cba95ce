package netlab.topology;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Which addresses can be a machine's on the network between a split lab's machines: those its
 * tunnels send to, and where they are sent from. A tunnel's far end is one machine, reached by
 * routing: not a group, not "any", not this machine's loopback, not a link-local address (the
 * kernel needs a device for it, which a part file does not name), not IPv4's "this network"
 * (0/8) or reserved (240/4, the limited broadcast with it) blocks, not IPv6's deprecated forms
 * (site-local fec0::/10, and IPv4-compatible ::/96, which carries an IPv4 address no IPv6
 * network routes), not an IPv4-mapped ::ffff:a.b.c.d (an IPv4 machine: write it as IPv4).
 */
public final class MachineAddresses {
    /** What {@link #isMachineAddress} refuses, in the words a message gives. */
    public static final String REFUSED =
            "multicast, unspecified, loopback, link-local, broadcast, reserved, deprecated and IPv4-mapped addresses are not";

    private MachineAddresses() {}

    public static boolean isMachineAddress(InetAddress address) {
        byte[] bytes = address.getAddress();
        int first = bytes[0] & 0xff;
        boolean reserved = address instanceof Inet4Address ? first == 0 || first >= 240
                : address.isSiteLocalAddress() || isIpv4Compatible(bytes) || isIpv4Mapped(bytes);
        return !(address.isMulticastAddress() || address.isAnyLocalAddress() || address.isLoopbackAddress()
                || address.isLinkLocalAddress() || reserved);
    }

    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    private static boolean isIpv4Compatible(byte[] v6) {
        for (int i = 0; i < 12; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return true;
    }
}

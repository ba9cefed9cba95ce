package netlab.netlink.route;

import java.net.Inet4Address;
import java.net.InetAddress;

/** Address families as rtnetlink headers carry them ({@code <bits/socket.h>}). */
public final class RtFamily {
    public static final int AF_UNSPEC = 0;
    public static final int AF_INET = 2;
    public static final int AF_BRIDGE = 7;
    public static final int AF_INET6 = 10;
    public static final int AF_PACKET = 17;

    private RtFamily() {}

    public static int of(InetAddress address) {
        return address instanceof Inet4Address ? AF_INET : AF_INET6;
    }
}

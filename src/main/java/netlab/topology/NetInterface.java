package netlab.topology;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** An interface of a node, with the addresses, MTU and MAC its block gives it. All come up. */
public sealed interface NetInterface {
    String name();

    List<Cidr> addresses();

    OptionalInt mtu();

    /**
     * The MAC its block gives it ({@code mac IF MAC}: six lower-case hex pairs, unicast, no other
     * interface of the lab's), or empty for the one netlab derives ({@link Macs}).
     */
    Optional<String> mac();

    Source source();

    /** {@code lo}: exists in every namespace; netlab only brings it up and adds addresses. */
    record Loopback(List<Cidr> addresses, OptionalInt mtu, Source source) implements NetInterface {
        public static final String NAME = "lo";

        public Loopback {
            addresses = List.copyOf(addresses);
        }

        @Override
        public String name() {
            return NAME;
        }

        /** lo keeps the kernel's (all zero); netlab does not create it. */
        @Override
        public Optional<String> mac() {
            return Optional.empty();
        }
    }

    /** {@code bridge BR [CIDR...]}. */
    record Bridge(String name, List<Cidr> addresses, OptionalInt mtu, Optional<String> mac, Source source)
            implements NetInterface {
        public Bridge {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * One end of a veth pair. The pair is written once, in a {@code link} statement; the end
     * named there is the {@code creator}, the other end belongs to the peer's node. An end that
     * is a bridge port names its bridge (in the same node) as {@code master}.
     */
    record VethEnd(String name, Endpoint peer, boolean creator, Optional<String> master,
            List<Cidr> addresses, OptionalInt mtu, Optional<String> mac, Source source) implements NetInterface {
        public VethEnd {
            addresses = List.copyOf(addresses);
        }
    }

    /** {@code macvlan IF on NODE:IF [mode M]}: created on the parent, placed in this node. */
    record Macvlan(String name, Endpoint parent, MacvlanMode mode, List<Cidr> addresses, OptionalInt mtu,
            Optional<String> mac, Source source) implements NetInterface {
        public Macvlan {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * {@code vxlan IF vni N remote ADDR... [local ADDR] [underlay host] [dstport P] [mtu M] [to BR]}:
     * a tunnel in this node to one far end, or to several (a segment: every frame that is not for
     * this side goes to all of them). Its UDP socket is this node's, or with {@code machine} (the
     * file's {@code underlay host}) the machine's, the namespace netlab runs in: how the part files
     * of a lab split over machines reach the other machines. {@code underlay} is the interface of
     * this node the file gives {@code local} to, {@code master} a bridge of this node.
     */
    record Vxlan(String name, int vni, List<InetAddress> remotes, Optional<InetAddress> local, Optional<String> underlay,
            boolean machine, int port, Optional<String> master, List<Cidr> addresses, OptionalInt mtu,
            Optional<String> mac, Source source) implements NetInterface {
        /** IANA's port for VXLAN (RFC 7348); iproute2 leaves the kernel's legacy 8472 unless told. */
        public static final int IANA_PORT = 4789;

        public Vxlan {
            remotes = List.copyOf(remotes);
            addresses = List.copyOf(addresses);
        }

        /** The first far end: every remote is of its family. */
        public InetAddress remote() {
            return remotes.getFirst();
        }

        /**
         * What encapsulation adds to each frame: the inner Ethernet header (14), VXLAN (8), UDP (8)
         * and the outer IP header (20 or 40) (VXLAN_HEADROOM, VXLAN6_HEADROOM in include/net/vxlan.h).
         */
        public int overhead() {
            return overhead(remote());
        }

        /** The overhead of a tunnel to {@code remote}; the outer header is of its family. */
        public static int overhead(InetAddress remote) {
            return remote instanceof Inet4Address ? 50 : 70;
        }
    }

    enum MacvlanMode {
        PRIVATE, VEPA, BRIDGE;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

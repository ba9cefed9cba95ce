package netlab.topology;

import java.util.List;
import java.util.OptionalInt;

/** An interface of a node, with the addresses and MTU its block gives it. All come up. */
public sealed interface NetInterface {
    String name();

    List<Cidr> addresses();

    OptionalInt mtu();

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
    }

    /** {@code bridge BR [CIDR...]}. */
    record Bridge(String name, List<Cidr> addresses, OptionalInt mtu, Source source) implements NetInterface {
        public Bridge {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * One end of a veth pair. The pair is written once, in a {@code link} statement; the end
     * named there is the {@code creator}, the other end belongs to the peer's node. An end that
     * is a bridge port names its bridge (in the same node) as {@code master}.
     */
    record VethEnd(String name, Endpoint peer, boolean creator, java.util.Optional<String> master,
            List<Cidr> addresses, OptionalInt mtu, Source source) implements NetInterface {
        public VethEnd {
            addresses = List.copyOf(addresses);
        }
    }

    /** {@code macvlan IF on NODE:IF [mode M]}: created on the parent, placed in this node. */
    record Macvlan(String name, Endpoint parent, MacvlanMode mode, List<Cidr> addresses, OptionalInt mtu,
            Source source) implements NetInterface {
        public Macvlan {
            addresses = List.copyOf(addresses);
        }
    }

    enum MacvlanMode {
        PRIVATE, VEPA, BRIDGE;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

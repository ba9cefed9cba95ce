package netlab.topology.write;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import netlab.topology.write.RandomInterface.Kind;

/**
 * An {@code impair} line for one interface of a {@link RandomTopology}, with the options its kind
 * and its neighbours allow: a loss and {@code both} on veth ends only, {@code both} where the far
 * end has no line of its own, values within what tbf and netem take at any MTU the lab has.
 */
final class RandomImpairment {
    private final RandomTopology lab;

    RandomImpairment(RandomTopology lab) {
        this.lab = lab;
    }

    void impair(RandomInterface m) {
        if (m.impaired || m.kind == Kind.MACVLAN) {
            return; // a macvlan on one of the machine's interfaces has no MTU to size tbf by
        }
        boolean veth = m.kind == Kind.VETH;
        boolean both = veth && !m.peer.impaired && lab.chance(3);
        // nft names a loss's chain after the far end, and for 'both' after this end as well.
        boolean lossAllowed = veth && m.peer.name != null && nftNames(m.peer.name) && (!both || nftNames(m.name));
        boolean loss = lossAllowed && lab.chance(3);
        boolean rate = lab.random.nextBoolean();
        long delay = lab.chance(3) ? lab.pick(List.of(100L, 1000L, 2500L, 20_000L, 1_000_000L)) : 0;
        if (!rate && delay == 0 && !loss) {
            rate = true;
        }
        List<String> options = new ArrayList<>();
        if (rate) {
            options.add("rate " + lab.pick(List.of("1mbit", "10mbit", "2500kbit", "1gbit", "3mbps", "100mbit", "64000kbit")));
        }
        if (rate && delay == 0 && lab.chance(3)) {
            // At least a full frame of the largest MTU the lab gives a veth or bridge (9000 + 14).
            options.add("burst " + lab.pick(List.of("16kb", "64k", "1mb", "20000b", "1mbit")));
        }
        if (delay > 0) {
            options.add("delay " + time(delay));
            if (lab.random.nextBoolean()) {
                options.add("jitter " + time(Math.max(1, delay / lab.pick(List.of(1, 2, 4, 10)))));
            }
        }
        if (loss) {
            options.add("loss " + lab.pick(List.of("1%", "0.5%", "12.34%", "99.99%", "0.01%", "30%", "0.10%")));
        }
        if ((rate || delay > 0) && lab.chance(3)) {
            options.add("limit " + lab.pick(List.of("1", "100", "1000", "50000")));
        }
        if (both) {
            options.add("both");
            m.peer.impaired = true;
        }
        m.impaired = true;
        Collections.shuffle(options, lab.random);
        lab.line(m.node, "impair " + m.name + " " + String.join(" ", options));
    }

    /** Microseconds in one of the spellings tc reads. */
    private String time(long micros) {
        List<String> spellings = new ArrayList<>(List.of(micros + "us", micros + "usec"));
        if (micros % 1000 == 0) {
            spellings.addAll(List.of(micros / 1000 + "ms", micros / 1000 + "msec"));
        }
        if (micros % 1_000_000 == 0) {
            spellings.addAll(List.of(micros / 1_000_000 + "s", micros / 1_000_000 + "sec"));
        }
        return lab.pick(spellings);
    }

    private static boolean nftNames(String device) {
        return device.matches("[A-Za-z0-9_./-]+");
    }
}

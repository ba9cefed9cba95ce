package netlab.topology.dsl;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.topology.Cidr;
import netlab.topology.Expectation.Reach;
import netlab.topology.NetInterface.MacvlanMode;
import netlab.topology.Source;

/**
 * The file as written: statements with the positions of their words, literals already read
 * (an address is an {@link InetAddress}), names not yet looked up. The resolver turns it into
 * the model. Each statement's {@code source} is the position of its keyword.
 */
final class Syntax {
    private Syntax() {}

    record File(Optional<Word> labName, List<Block> blocks) {}

    /** {@code node NAME} or {@code host} (then name is the keyword); source is the keyword's place. */
    record Block(Source source, Word name, boolean host, List<Statement> statements) {}

    sealed interface Statement {
        Source source();
    }

    record Bridge(Source source, Word name, List<Located<Cidr>> addresses) implements Statement {}

    /** {@code link IF to [NODE:]TARGET}: TARGET is an interface of NODE or a bridge; the resolver decides. */
    record Link(Source source, Word name, Optional<Word> targetNode, Word target, Optional<Word> port,
            List<Located<Cidr>> addresses) implements Statement {}

    record Macvlan(Source source, Word name, Word parentNode, Word parent, MacvlanMode mode,
            List<Located<Cidr>> addresses) implements Statement {}

    /**
     * {@code vxlan IF vni N remote ADDR... [local ADDR] [underlay host] [dstport P] [mtu M] [to BR]},
     * its numbers read; {@code machine} for {@code underlay host}.
     */
    record Vxlan(Source source, Word name, int vni, List<Located<InetAddress>> remotes,
            Optional<Located<InetAddress>> local, boolean machine, int port, Optional<Located<Integer>> mtu,
            Optional<Word> master) implements Statement {
        /** The first far end: every remote is of its family. */
        public Located<InetAddress> remote() {
            return remotes.getFirst();
        }
    }

    record Address(Source source, Word name, List<Located<Cidr>> addresses) implements Statement {}

    record Mtu(Source source, Word name, Located<Integer> mtu) implements Statement {}

    /** {@code mac IF MAC}: a unicast MAC, lower case. */
    record Mac(Source source, Word name, Located<String> mac) implements Statement {}

    /** The destination is resolved already: {@code default} follows the gateway's family. */
    record Route(Source source, Located<Cidr> destination, Optional<Located<InetAddress>> via, Optional<Word> dev,
            boolean onlink, OptionalInt metric, Optional<Located<InetAddress>> src) implements Statement {}

    /** {@code lladdr} empty means {@code peer}; {@code lladdrWord} is what was written. */
    record Neigh(Source source, Located<InetAddress> address, Word dev, Optional<String> lladdr, Word lladdrWord)
            implements Statement {}

    record Sysctl(Source source, Word key, String value) implements Statement {}

    /** {@code snatTo} empty for masquerade; {@code dst} already defaulted for masquerade with only src. */
    record Nat(Source source, Optional<Located<InetAddress>> snatTo, Optional<Located<Cidr>> src,
            Optional<Located<Cidr>> dst, boolean dstNegated, Optional<Word> out) implements Statement {}

    /**
     * {@code impair IF [rate R [burst S]] [delay T [jitter T]] [loss P] [limit N] [both]}, its
     * values read (bits per second, bytes); rate, burst and limit keep their place for the checks
     * that need the interface's MTU, {@code both} its word for the checks of the veth's far end.
     */
    record Impair(Source source, Word name, Optional<Located<Long>> rate, Optional<Located<Long>> burst,
            Optional<Duration> delay, Optional<Duration> jitter, OptionalInt loss, Optional<Located<Integer>> limit,
            Optional<Word> both) implements Statement {}

    /**
     * {@code expect [NODE] reaches|!reaches TARGET [ttl N] [as ADDR] [within DURATION]}; node empty
     * when left out (the block's node). {@code as} keeps its option word: a target outside the lab
     * is reported there.
     */
    record Expect(Source source, Optional<Word> node, Reach reach, ExpectTarget target, Optional<Located<Integer>> ttl,
            Optional<Word> asWord, Optional<Located<InetAddress>> seenAs, Duration within) implements Statement {}

    /** What an {@code expect} probes, as written: an address, or an interface whose address it is. */
    sealed interface ExpectTarget {
        Word word();

        record Address(Word word, InetAddress address) implements ExpectTarget {}

        record OfInterface(Word word, Word node, Word name) implements ExpectTarget {}
    }
}

package netlab.topology;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code expect NODE reaches|!reaches TARGET [ttl N] [as ADDR] [within DURATION]}: what the lab
 * must do, checked by {@code netlab test}. Changes nothing in the kernel.
 *
 * @param source where the statement was written (its first word)
 * @param node the node whose namespace sends the probe ({@link Node#HOST} for the host block)
 * @param reach whether a reply must come ({@code reaches}) or must not ({@code !reaches})
 * @param target the address probed, and how the file named it
 * @param ttl for {@code reaches}: the TTL (hop limit) the reply must arrive with
 * @param seenAs for {@code reaches}: the source address the target must see the probe come from
 * @param within how long a reply may take (default {@link #DEFAULT_WITHIN})
 */
public record Expectation(Source source, String node, Reach reach, ProbeTarget target, OptionalInt ttl,
        Optional<InetAddress> seenAs, Duration within) {
    public static final Duration DEFAULT_WITHIN = Duration.ofSeconds(1);

    public enum Reach {
        REACHES("reaches"), DOES_NOT_REACH("!reaches");

        private final String keyword;

        Reach(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    /** The statement in its full form, as a report names it: {@code ns1 reaches ns2:eth0 ttl 64}. */
    public String text() {
        StringBuilder text = new StringBuilder(node).append(' ').append(reach.keyword()).append(' ')
                .append(target.written());
        ttl.ifPresent(t -> text.append(" ttl ").append(t));
        seenAs.ifPresent(a -> text.append(" as ").append(Addresses.format(a)));
        if (!within.equals(DEFAULT_WITHIN)) {
            text.append(" within ").append(Durations.text(within));
        }
        return text.toString();
    }
}

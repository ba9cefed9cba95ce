package netlab.topology;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code impair IF [rate RATE [burst SIZE]] [delay TIME [jitter TIME]] [loss PERCENT] [limit
 * PACKETS]}: what leaves the interface (its egress) is slowed, delayed or dropped. The values are
 * as written, no defaults applied; the planner picks the queue (tbf for a rate alone, netem with a
 * delay) and the defaults, which need the interface's MTU. A {@code both} line is two of these,
 * one on each end of the veth, with the same source.
 *
 * @param rateBitsPerSecond the rate the interface may send at
 * @param burstBytes tbf's bucket, only with a rate and no delay
 * @param jitter only with a delay, and at most the delay
 * @param lossHundredthsOfPercent the share of packets dropped: 3000 for 30%, 50 for 0.5%
 * @param limitPackets the queue's length: tbf's (in full frames) or netem's
 */
public record Impairment(String interfaceName, OptionalLong rateBitsPerSecond, OptionalLong burstBytes,
        Optional<Duration> delay, Optional<Duration> jitter, OptionalInt lossHundredthsOfPercent,
        OptionalInt limitPackets, Source source) {
    /** The Ethernet header the MTU leaves out: a full frame is MTU + 14 bytes (ETH_HLEN). */
    public static final int ETH_HLEN = 14;
    /** The kernel's tbf holds its burst and its limit in bytes in 32 bits (struct tc_tbf_qopt, TCA_TBF_BURST). */
    public static final long TBF_MAX_BYTES = 0xFFFF_FFFFL;

    public Impairment {
        Objects.requireNonNull(interfaceName);
        Objects.requireNonNull(source);
        if (rateBitsPerSecond.isEmpty() && delay.isEmpty() && lossHundredthsOfPercent.isEmpty()) {
            throw new IllegalArgumentException("an impairment needs a rate, a delay or a loss");
        }
    }

    /** The same impairment on another interface: the far end of a veth, for {@code both}. */
    public Impairment on(String otherInterface) {
        return new Impairment(otherInterface, rateBitsPerSecond, burstBytes, delay, jitter, lossHundredthsOfPercent,
                limitPackets, source);
    }

    /** Whether it needs tbf: a rate without a delay (with a delay, netem carries the rate). */
    public boolean needsTbf() {
        return rateBitsPerSecond.isPresent() && delay.isEmpty();
    }

    /** Its options in the language's words and biggest whole units: {@code rate 2mbit loss 0.5%}. */
    public String text() {
        StringBuilder text = new StringBuilder();
        rateBitsPerSecond.ifPresent(rate -> text.append(" rate ").append(scaled(rate, 1000, "bit", "kbit", "mbit", "gbit", "tbit")));
        burstBytes.ifPresent(burst -> text.append(" burst ").append(scaled(burst, 1024, "b", "kb", "mb", "gb")));
        delay.ifPresent(d -> text.append(" delay ").append(time(d)));
        jitter.ifPresent(j -> text.append(" jitter ").append(time(j)));
        lossHundredthsOfPercent.ifPresent(loss -> text.append(" loss ").append(loss / 100).append(decimals(loss % 100))
                .append('%'));
        limitPackets.ifPresent(limit -> text.append(" limit ").append(limit));
        return text.substring(1);
    }

    /**
     * ".5" for 50 hundredths, ".05" for 5, "" for none: digits written by hand, as String.format
     * would write them in the user's locale (Arabic digits, say) and the file's never are.
     */
    private static String decimals(int hundredths) {
        if (hundredths == 0) {
            return "";
        }
        String two = (hundredths < 10 ? "0" : "") + hundredths;
        return "." + (two.endsWith("0") ? two.substring(0, 1) : two);
    }

    private static String scaled(long value, long step, String... units) {
        int unit = 0;
        while (unit < units.length - 1 && value % step == 0 && value >= step) {
            value /= step;
            unit++;
        }
        return value + units[unit];
    }

    private static String time(Duration duration) {
        long micros = duration.toNanos() / 1000;
        return micros % 1_000_000 == 0 ? micros / 1_000_000 + "s" : micros % 1000 == 0 ? micros / 1000 + "ms" : micros + "us";
    }

    /** The largest frame an interface of this MTU sends, which tbf must let through whole. */
    public static long frameBytes(int mtu) {
        return mtu + (long) ETH_HLEN;
    }
}

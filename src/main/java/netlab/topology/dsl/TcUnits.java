package netlab.topology.dsl;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The values of {@code impair}, in the units tc spells (tc(8), "UNITS"): rates, sizes, times and
 * a loss percentage. Always a whole number and a unit: tc takes a bare number as bits, bytes or
 * microseconds depending on the option, and a fraction as well, so the file says which, once
 * ({@code 1500kbit}, not {@code 1.5mbit}). A loss has up to two decimals, the steps of its rule.
 */
final class TcUnits {
    /** Bits per second; k, m, g, t are powers of 1000, bps is bytes per second (tc's get_rate). */
    private static final Map<String, Long> RATES = units("bit", 1L, "kbit", 1_000L, "mbit", 1_000_000L,
            "gbit", 1_000_000_000L, "tbit", 1_000_000_000_000L, "bps", 8L, "kbps", 8_000L, "mbps", 8_000_000L,
            "gbps", 8_000_000_000L);
    /** Bytes; k, m, g are powers of 1024, and kbit, mbit are 1024 and 1024^2 bits (tc's get_size). */
    private static final Map<String, Long> SIZES = units("b", 1L, "k", 1L << 10, "kb", 1L << 10, "m", 1L << 20,
            "mb", 1L << 20, "g", 1L << 30, "gb", 1L << 30, "kbit", (1L << 10) / 8, "mbit", (1L << 20) / 8);
    /** Microseconds (tc's get_time, which also reads the long spellings). */
    private static final Map<String, Long> TIMES = units("s", 1_000_000L, "sec", 1_000_000L, "ms", 1_000L,
            "msec", 1_000L, "us", 1L, "usec", 1L);

    private TcUnits() {}

    /** A rate in bits per second, within {@code min..max} (the message writes them in the largest unit that fits). */
    static OptionalLong rate(Word word, String what, long min, long max, Problems problems) {
        OptionalLong bits = amount(word, what, "rate", RATES, "10mbit", problems);
        if (bits.isPresent() && (bits.getAsLong() < min || bits.getAsLong() > max)) {
            problems.add(word, what + " " + Word.quote(word.text()).replace("'", "") + " is out of range ("
                    + rateText(min) + ".." + rateText(max) + ")");
            return OptionalLong.empty();
        }
        return bits;
    }

    /** A size in bytes, at most {@code max} ({@code why} says whose limit that is). */
    static OptionalLong size(Word word, String what, long max, String why, Problems problems) {
        OptionalLong bytes = amount(word, what, "size", SIZES, "32kb", problems);
        if (bytes.isPresent() && bytes.getAsLong() > max) {
            problems.add(word, what + " " + Word.quote(word.text()).replace("'", "") + " is more than " + why
                    + " (" + max + " bytes)");
            return OptionalLong.empty();
        }
        return bytes;
    }

    /** A time of {@code 1us..max}. */
    static Optional<Duration> time(Word word, String what, Duration max, Problems problems) {
        OptionalLong micros = amount(word, what, "time", TIMES, "100ms", problems);
        if (micros.isEmpty()) {
            return Optional.empty();
        }
        if (micros.getAsLong() < 1 || micros.getAsLong() > max.toNanos() / 1000) {
            problems.add(word, what + " " + Word.quote(word.text()).replace("'", "") + " is out of range (1us.."
                    + timeText(max) + ")");
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(micros.getAsLong() * 1000));
    }

    /**
     * {@code 30%}, {@code 0.5%}: hundredths of a percent, 1..9999 (0.01% to 99.99%). Not 100%: nft
     * cannot state {@code numgen random mod 10000 < 10000}, so the plan could not say it, and a
     * link that loses everything is {@code netlab link ... down}.
     */
    static OptionalInt percent(Word word, String what, Problems problems) {
        String text = word.text();
        if (!text.endsWith("%")) {
            problems.add(word, what + " " + word.quoted() + " needs '%', e.g. " + (Literals.decimal(text) >= 0
                    ? Word.quote(text + "%") : "'1%' or '0.5%'"));
            return OptionalInt.empty();
        }
        String number = text.substring(0, text.length() - 1);
        int dot = number.indexOf('.');
        String whole = dot < 0 ? number : number.substring(0, dot);
        String fraction = dot < 0 ? "" : number.substring(dot + 1);
        long units = Literals.decimal(whole);
        long hundredths = fraction.isEmpty() ? 0 : Literals.decimal(fraction);
        if (units < 0 || hundredths < 0 || (dot >= 0 && fraction.isEmpty())) {
            problems.add(word, "malformed " + what + " " + word.quoted() + " (expected a percentage such as 1% or 0.5%)");
            return OptionalInt.empty();
        }
        if (fraction.length() > 2) {
            problems.add(word, what + " " + word.quoted() + " has more than two decimals; it is dropped in steps of 0.01%");
            return OptionalInt.empty();
        }
        long value = units > 100 ? Long.MAX_VALUE : units * 100 + hundredths * (fraction.length() == 1 ? 10 : 1);
        if (value < 1 || value > 9_999) {
            problems.add(word, what + " " + Word.quote(text).replace("'", "") + " is out of range (0.01%..99.99%; "
                    + "a link that loses everything is taken down: netlab link LAB NODE:IF down)");
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) value);
    }

    /**
     * A whole number and one of {@code units}, times the unit's scale; {@link Long#MAX_VALUE} when
     * beyond any range (the caller's range check reports it).
     */
    private static OptionalLong amount(Word word, String what, String kind, Map<String, Long> units, String example,
            Problems problems) {
        String text = word.text();
        int end = 0;
        while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        if (end == 0 || (end < text.length() && (text.charAt(end) == '.' || text.charAt(end) == ','))) {
            problems.add(word, "malformed " + what + " " + word.quoted() + " (expected a whole number and a unit, e.g. "
                    + example + ")");
            return OptionalLong.empty();
        }
        String list = String.join(", ", units.keySet());
        if (end == text.length()) {
            problems.add(word, what + " " + word.quoted() + " needs a unit: " + list);
            return OptionalLong.empty();
        }
        Word unit = word.slice(end, text.length());
        Long scale = units.get(unit.text());
        if (scale == null) {
            // tc reads 'Mbit' too; the file writes units as tc's manual does, in lower case.
            String lower = unit.text().toLowerCase(Locale.ROOT);
            String hint = units.containsKey(lower) ? " (did you mean " + Word.quote(lower) + "?)"
                    : Suggestions.didYouMean(unit.text(), units.keySet());
            problems.add(unit, "unknown " + kind + " unit " + unit.quoted() + hint + "; " + kind + "s are written in "
                    + list);
            return OptionalLong.empty();
        }
        long number = Literals.decimal(text.substring(0, end));
        return OptionalLong.of(number > Long.MAX_VALUE / scale ? Long.MAX_VALUE : number * scale);
    }

    /** {@code 100gbit}, {@code 8bit}: the largest rate unit that divides the value. */
    static String rateText(long bits) {
        for (String unit : new String[] {"tbit", "gbit", "mbit", "kbit"}) {
            long scale = RATES.get(unit);
            if (bits % scale == 0) {
                return bits / scale + unit;
            }
        }
        return bits + "bit";
    }

    /** {@code 60s}, {@code 250ms}, {@code 10us}. */
    static String timeText(Duration time) {
        long micros = time.toNanos() / 1000;
        return micros % 1_000_000 == 0 ? micros / 1_000_000 + "s" : micros % 1000 == 0 ? micros / 1000 + "ms" : micros + "us";
    }

    private static Map<String, Long> units(Object... pairs) {
        Map<String, Long> units = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            units.put((String) pairs[i], (Long) pairs[i + 1]);
        }
        return units;
    }
}

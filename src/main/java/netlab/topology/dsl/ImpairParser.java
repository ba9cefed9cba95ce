package netlab.topology.dsl;

import static netlab.topology.dsl.Options.Arity.FLAG;
import static netlab.topology.dsl.Options.Arity.ONE;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import netlab.topology.Impairment;

/**
 * {@code impair IF [rate RATE [burst SIZE]] [delay TIME [jitter TIME]] [loss PERCENT] [limit
 * PACKETS] [both]}: each value in tc's units ({@link TcUnits}), and the combinations the queues
 * cannot take refused here, from the words alone. What needs the interface (which one, its MTU,
 * its far end) is the resolver's ({@link ImpairResolver}).
 */
final class ImpairParser {
    /** One byte a second: tc turns less into a rate of 0, which tbf refuses. */
    static final long RATE_MIN = 8;
    static final long RATE_MAX = 100_000_000_000L;
    static final Duration TIME_MAX = Duration.ofSeconds(60);
    static final int LIMIT_MAX = 1_000_000;

    private static final List<Options.Spec> OPTIONS = List.of(new Options.Spec("rate", ONE, "a rate such as 10mbit"),
            new Options.Spec("burst", ONE, "a size such as 32kb"), new Options.Spec("delay", ONE, "a time such as 100ms"),
            new Options.Spec("jitter", ONE, "a time such as 10ms"), new Options.Spec("loss", ONE, "a percentage such as 1%"),
            new Options.Spec("limit", ONE, "a number of packets"), new Options.Spec("both", FLAG, ""));

    private final Problems problems;

    ImpairParser(Problems problems) {
        this.problems = problems;
    }

    Optional<Syntax.Statement> parse(List<Word> words) {
        if (!new StatementParser(problems).atLeast(words, 2)) {
            return Optional.empty();
        }
        Word keyword = words.getFirst();
        Options options = Options.read(keyword, words, 2, OPTIONS, problems);
        Optional<Located<Long>> rate = options.one("rate").flatMap(w -> located(
                TcUnits.rate(w, "rate", RATE_MIN, RATE_MAX, problems), w));
        Optional<Located<Long>> burst = options.one("burst").flatMap(w -> located(
                TcUnits.size(w, "burst", Impairment.TBF_MAX_BYTES, "tbf can hold", problems), w));
        Optional<Duration> delay = options.one("delay").flatMap(w -> TcUnits.time(w, "delay", TIME_MAX, problems));
        Optional<Duration> jitter = options.one("jitter").flatMap(w -> TcUnits.time(w, "jitter", TIME_MAX, problems));
        OptionalInt loss = options.one("loss").map(w -> TcUnits.percent(w, "loss", problems)).orElse(OptionalInt.empty());
        Optional<Located<Integer>> limit = options.one("limit").flatMap(w -> located(
                Literals.number(w, "limit", 1, LIMIT_MAX, problems), w).map(n -> new Located<>(n.value().intValue(),
                n.source())));
        boolean ok = options.has("rate") == rate.isPresent() && options.has("burst") == burst.isPresent()
                && options.has("delay") == delay.isPresent() && options.has("jitter") == jitter.isPresent()
                && options.has("loss") == loss.isPresent() && options.has("limit") == limit.isPresent();
        ok &= combinations(words, delay, jitter, options.one("jitter"));
        // Reported already when the option had no value: the statement has nothing left to impair.
        ok &= rate.isPresent() || delay.isPresent() || loss.isPresent();
        return ok ? Optional.of(new Syntax.Impair(keyword.source(), words.get(1), rate, burst, delay, jitter, loss, limit,
                options.keyword("both"))) : Optional.empty();
    }

    /**
     * What the queues cannot take together, told at the option's word whatever its value: tbf's
     * burst and limit belong to a rate, netem has no burst, a jitter varies a delay and may not
     * exceed it (a packet would leave before it was sent), and a loss alone has no queue.
     */
    private boolean combinations(List<Word> words, Optional<Duration> delay, Optional<Duration> jitter,
            Optional<Word> jitterValue) {
        Optional<Word> rateWord = written(words, "rate");
        Optional<Word> delayWord = written(words, "delay");
        boolean ok = true;
        if (rateWord.isEmpty() && delayWord.isEmpty() && written(words, "loss").isEmpty()) {
            ok = problem(words.getFirst(), "'impair' needs at least one of 'rate', 'delay' or 'loss'");
        }
        Optional<Word> burst = written(words, "burst");
        if (burst.isPresent() && rateWord.isEmpty()) {
            ok = problem(burst.get(), "'burst' needs 'rate': it is the size of the rate's bucket");
        } else if (burst.isPresent() && delayWord.isPresent()) {
            ok = problem(burst.get(), "'burst' is tbf's, and with 'delay' netem carries the rate, without a burst; "
                    + "leave it out");
        }
        Optional<Word> limit = written(words, "limit");
        if (limit.isPresent() && rateWord.isEmpty() && delayWord.isEmpty()) {
            ok = problem(limit.get(), "'limit' needs 'rate' or 'delay': a loss alone has no queue to limit");
        }
        Optional<Word> jitterWord = written(words, "jitter");
        if (jitterWord.isPresent() && delayWord.isEmpty()) {
            ok = problem(jitterWord.get(), "'jitter' needs 'delay': it varies the delay");
        } else if (delay.isPresent() && jitter.isPresent() && jitter.get().compareTo(delay.get()) > 0) {
            ok = problem(jitterValue.orElseThrow(), "jitter " + TcUnits.timeText(jitter.get()) + " is larger than the delay "
                    + TcUnits.timeText(delay.get()) + ": a packet would leave before it was sent");
        }
        return ok;
    }

    /** The option's own word, if the statement has it (after the interface, which may be named like one). */
    private static Optional<Word> written(List<Word> words, String option) {
        return words.stream().skip(2).filter(w -> w.is(option)).findFirst();
    }

    private boolean problem(Word at, String message) {
        problems.add(at, message);
        return false;
    }

    private static Optional<Located<Long>> located(OptionalLong value, Word word) {
        return value.isPresent() ? Optional.of(new Located<>(value.getAsLong(), word.source())) : Optional.empty();
    }
}

package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A file that someone is writing is taken once two reads agree, and not at all if none do. */
class SettledTextTest {
    private static Optional<String> settle(List<String> reads, int tries) throws Exception {
        Iterator<String> next = reads.iterator();
        return SettledText.read(next::next, Duration.ZERO, tries);
    }

    @Test
    void aFileReadHalfWrittenIsTakenWhenItStopsChanging() throws Exception {
        assertThat(settle(List.of("a\n", "a\nb\n", "a\nb\n"), 5)).contains("a\nb\n");
    }

    @Test
    void aFileThatHoldsStillIsReadTwice() throws Exception {
        assertThat(settle(List.of("a\n", "a\n"), 5)).contains("a\n");
    }

    @Test
    void aFileChangingAtEveryReadIsNotTaken() throws Exception {
        assertThat(settle(List.of("1", "2", "3"), 3)).isEmpty();
    }
}

package netlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.kernel.probe.ProbeResult;
import netlab.topology.Expectation;
import netlab.topology.ProbeTarget;
import netlab.topology.Source;
import org.junit.jupiter.api.Test;

/** How what a probe saw becomes a verdict, and the words each verdict is said in. */
class VerdictsTest {
    private static final InetAddress TARGET = address("10.0.0.2");
    private static final ProbeResult.Reply TTL_63 = new ProbeResult.Reply(63, Duration.ofMillis(3));

    @Test
    void reachesPassesOnAReplyWithTheRightTtlAndSource() {
        Verdict verdict = Verdicts.judge(reaches(OptionalInt.of(63), Optional.of(address("192.0.2.1"))),
                new ProbeResult(Optional.of(TTL_63), Optional.of(address("192.0.2.1")), Optional.empty(), true));

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.seen()).isEqualTo("reply with ttl 63 in 3.00 ms, seen as 192.0.2.1");
    }

    @Test
    void everyWrongThingIsSaid() {
        Verdict verdict = Verdicts.judge(reaches(OptionalInt.of(62), Optional.of(address("192.0.2.1"))),
                new ProbeResult(Optional.of(TTL_63), Optional.of(address("10.0.0.1")), Optional.empty(), true));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.seen()).isEqualTo("reply with ttl 63, expected 62; seen as 10.0.0.1, expected 192.0.2.1");
    }

    @Test
    void aFailureTheKernelReportedIsSaidInsteadOfTheTimeItDidNotTake() {
        Verdict verdict = Verdicts.judge(reaches(OptionalInt.empty(), Optional.empty()), new ProbeResult(Optional.empty(),
                Optional.empty(), Optional.of("network is unreachable (ENETUNREACH)"), false));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.seen()).isEqualTo("no reply: network is unreachable (ENETUNREACH)");
    }

    @Test
    void notReachingPassesOnSilenceAfterARequestLeftAndOnNoRoute() {
        assertThat(Verdicts.judge(isolated(), new ProbeResult(Optional.empty(), Optional.empty(), Optional.empty(), true)))
                .extracting(Verdict::passed, Verdict::seen).containsExactly(true, "no reply within 300ms");
        assertThat(Verdicts.judge(isolated(), new ProbeResult(Optional.empty(), Optional.empty(),
                Optional.of("network is unreachable (ENETUNREACH)"), false)).passed()).isTrue();
    }

    @Test
    void notReachingFailsWhenNoRequestCouldLeaveTheNode() {
        Verdict verdict = Verdicts.judge(isolated(), new ProbeResult(Optional.empty(), Optional.empty(),
                Optional.of("no request could be sent: no buffer space available (ENOBUFS)"), false));

        assertThat(verdict.passed()).as("silence proves nothing when nothing was sent").isFalse();
        assertThat(verdict.seen()).isEqualTo("no reply: no request could be sent: no buffer space available (ENOBUFS)");
    }

    @Test
    void notReachingFailsOnAReply() {
        Verdict verdict = Verdicts.judge(isolated(), new ProbeResult(Optional.of(TTL_63), Optional.empty(), Optional.empty(), true));

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.seen()).isEqualTo("reply with ttl 63 in 3.00 ms, expected none within 300ms");
    }

    private static Expectation reaches(OptionalInt ttl, Optional<InetAddress> as) {
        return new Expectation(new Source("lab.topo", 3, 3), "ns1", Expectation.Reach.REACHES,
                new ProbeTarget(TARGET, "ns2:eth0", List.of("ns2")), ttl, as, Expectation.DEFAULT_WITHIN);
    }

    private static Expectation isolated() {
        return new Expectation(new Source("lab.topo", 4, 3), "ns1", Expectation.Reach.DOES_NOT_REACH,
                new ProbeTarget(TARGET, "10.0.0.2", List.of("ns2")), OptionalInt.empty(), Optional.empty(),
                Duration.ofMillis(300));
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}

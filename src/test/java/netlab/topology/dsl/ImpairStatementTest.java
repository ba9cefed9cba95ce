package netlab.topology.dsl;

import static netlab.topology.dsl.StatementTest.at;
import static netlab.topology.dsl.StatementTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import netlab.topology.Impairment;
import netlab.topology.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code impair}: what each form becomes in the model, tc's units read as tc reads them, and
 * {@code both}. Each refusal is shown with its exact message by the broken files {@code impair-*}.
 */
class ImpairStatementTest {
    private static final String TWO_NODES = "node a\n  link e to b:f\nnode b\n";

    private static List<Impairment> impairments(Lab lab, String node) {
        return lab.node(node).orElseThrow().impairments();
    }

    private static Impairment only(String impairLine) {
        List<Impairment> found = impairments(parse("node a\n  link e to b:f\n  " + impairLine + "\nnode b\n"), "a");
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    @Test
    void aRateAloneWithItsValuesAsWrittenAndNoDefaults() {
        assertThat(only("impair e rate 1mbit")).isEqualTo(new Impairment("e", OptionalLong.of(1_000_000),
                OptionalLong.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), OptionalInt.empty(), at(3, 3)));
    }

    @Test
    void everyOptionAtOnceInAnyOrder() {
        assertThat(only("impair e limit 50 loss 0.5% jitter 5ms delay 100ms rate 10mbit")).isEqualTo(new Impairment("e",
                OptionalLong.of(10_000_000), OptionalLong.empty(), Optional.of(Duration.ofMillis(100)),
                Optional.of(Duration.ofMillis(5)), OptionalInt.of(50), OptionalInt.of(50), at(3, 3)));
        assertThat(only("impair e rate 1mbit burst 32kb limit 100")).satisfies(i -> {
            assertThat(i.burstBytes()).hasValue(32 * 1024);
            assertThat(i.limitPackets()).hasValue(100);
            assertThat(i.needsTbf()).isTrue();
        });
        assertThat(only("impair e loss 30%").needsTbf()).isFalse();
        assertThat(only("impair e delay 1ms rate 1mbit").needsTbf()).isFalse();
    }

    @ParameterizedTest(name = "rate {0}")
    @CsvSource({"8bit, 8", "1000bit, 1000", "64kbit, 64000", "1mbit, 1000000", "100gbit, 100000000000",
            "1bps, 8", "125kbps, 1000000", "1mbps, 8000000", "12gbps, 96000000000"})
    void ratesAreBitsPerSecondWithPowersOfAThousandAndBpsInBytes(String written, long bits) {
        // With a delay netem carries the rate: the slowest rates are read as written (tbf could not time a full frame).
        assertThat(only("impair e delay 1ms rate " + written).rateBitsPerSecond()).hasValue(bits);
    }

    @Test
    void aRateTooSlowForTbfToTimeAFullFrameIsRefused() {
        assertThatThrownBy(() -> only("impair e rate 8bit")).isInstanceOf(TopologyException.class)
                .hasMessageContaining("a bucket of 1514 bytes takes more than 274 s to fill at this rate");
    }

    /** tc's get_size: k, m, g are powers of 1024, and kbit, mbit are 1024 and 1024^2 bits (tc shows 128 for 1kbit). */
    @ParameterizedTest(name = "burst {0}")
    @CsvSource({"1514b, 1514", "2k, 2048", "2kb, 2048", "1m, 1048576", "1mb, 1048576", "1g, 1073741824",
            "3gb, 3221225472", "16kbit, 2048", "1mbit, 131072"})
    void sizesAreBytesWithPowersOf1024AsTcReadsThem(String written, long bytes) {
        assertThat(only("impair e rate 1gbit burst " + written).burstBytes()).hasValue(bytes);
    }

    @ParameterizedTest(name = "delay {0}")
    @CsvSource({"1us, 1", "250usec, 250", "20ms, 20000", "20msec, 20000", "2s, 2000000", "60sec, 60000000"})
    void timesInSecondsMillisecondsOrMicroseconds(String written, long micros) {
        assertThat(only("impair e delay " + written).delay()).hasValue(Duration.ofNanos(micros * 1000));
    }

    @ParameterizedTest(name = "loss {0}")
    @CsvSource({"0.01%, 1", "0.5%, 50", "0.50%, 50", "1%, 100", "12.34%, 1234", "30%, 3000", "99.99%, 9999", "99.9%, 9990"})
    void lossInHundredthsOfAPercent(String written, int hundredths) {
        assertThat(only("impair e loss " + written).lossHundredthsOfPercent()).hasValue(hundredths);
    }

    @Test
    void jitterMayEqualTheDelay() {
        assertThat(only("impair e delay 10ms jitter 10000us").jitter()).hasValue(Duration.ofMillis(10));
    }

    @Test
    void bothPutsTheSameImpairmentOnTheFarEndWithTheSameSource() {
        Lab lab = parse("node a\n  link e to b:f\n  impair e rate 1mbit loss 1% both\nnode b\n");

        Impairment near = impairments(lab, "a").getFirst();
        assertThat(impairments(lab, "b")).containsExactly(near.on("f"));
        assertThat(impairments(lab, "b").getFirst().source()).isEqualTo(at(3, 3));
    }

    @Test
    void bothReachesAPortsFarEndAndTheHostsEnd() {
        Lab lab = parse("""
                host
                  bridge br0
                node a
                  link e to br0
                  link g to host:v0
                  impair e delay 5ms both
                  impair g loss 2% both
                """);
        // e's far end is br0's port a-e; g's is the host's v0, which the lab makes.
        assertThat(impairments(lab, "host")).extracting(Impairment::interfaceName).containsExactly("a-e", "v0");
        assertThat(impairments(lab, "a")).extracting(Impairment::interfaceName).containsExactly("e", "g");
    }

    @Test
    void eachEndMayHaveItsOwnLineInsteadOfBoth() {
        Lab lab = parse("node a\n  link e to b:f\n  impair e rate 1mbit\nnode b\n  impair f rate 2mbit\n");

        assertThat(impairments(lab, "a")).extracting(i -> i.rateBitsPerSecond().getAsLong()).containsExactly(1_000_000L);
        assertThat(impairments(lab, "b")).extracting(i -> i.rateBitsPerSecond().getAsLong()).containsExactly(2_000_000L);
    }

    @Test
    void anyInterfaceTheLabMakesInTheHostBridgesAndMacvlansIncluded() {
        Lab lab = parse("""
                host
                  bridge br0
                  impair br0 rate 10mbit
                node a
                  link e to br0 port p1
                  macvlan mv0 on host:br0
                  impair mv0 rate 1mbit
                """);
        assertThat(impairments(lab, "host")).extracting(Impairment::interfaceName).containsExactly("br0");
        assertThat(impairments(lab, "a")).extracting(Impairment::interfaceName).containsExactly("mv0");
    }

    @Test
    void aNodesImpairmentsAreInTheOrderOfTheirLines() {
        Lab lab = parse("""
                node b
                  impair f2 loss 1%
                node a
                  link e1 to b:f1
                  link e2 to b:f2
                  impair e1 delay 1ms both
                """);
        assertThat(impairments(lab, "b")).extracting(Impairment::interfaceName).containsExactly("f2", "f1");
    }

    @Test
    void aBrokenImpairLineIsLeftOutAndTheRestIsStillChecked() {
        TopologyException e = catchThrowableOfType(TopologyException.class,
                () -> parse(TWO_NODES.replace("node b", "  impair e rate 1Mbit\n  impair e loss 1%\n  impair e delay 1ms\nnode b")));

        // The first line's unit, then only the third line as a duplicate of the second: the first made none.
        assertThat(e.summaries()).containsExactly(
                "t.topo:3:18: unknown rate unit 'Mbit' (did you mean 'mbit'?); rates are written in bit, kbit, mbit, gbit, "
                        + "tbit, bps, kbps, mbps, gbps",
                "t.topo:5:3: impair of 'e' already set at t.topo:4:3");
    }

    @Test
    void aBurstIsCheckedAgainstTheMtuTheInterfaceEndsWith() {
        // f's MTU is the one set on it; a bridge's is the smallest of its ports'.
        assertThat(catchThrowableOfType(TopologyException.class, () -> parse(
                "node a\n  link e to b:f\n  impair e rate 1mbit burst 1514b both\nnode b\n  mtu f 1600\n")).summaries())
                .containsExactly("t.topo:3:29: burst of 1514 bytes is less than one full frame of 'b:f' (1614 bytes: "
                        + "MTU 1600 + 14): tbf would drop every full frame");
        assertThat(parse("node a\n  bridge br0\n  mtu b-g 1068\n  impair br0 rate 1mbit burst 1082b\nnode b\n"
                + "  link g to a:br0\n").node("a").orElseThrow().impairments()).hasSize(1);
        // With a delay there is no tbf: netem's queue counts packets, whatever their size.
        assertThat(only("impair e delay 1ms rate 1mbit limit 1000000").limitPackets()).hasValue(1_000_000);
    }
}

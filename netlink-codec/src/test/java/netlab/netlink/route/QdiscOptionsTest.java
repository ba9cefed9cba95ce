package netlab.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The option factories read back what they were given, cut rates to whole bytes as tc does, and
 * refuse what tc would send as nonsense or compute past its 32 bits.
 */
class QdiscOptionsTest {
    @Test
    void tbfReadsBackItsRateBurstAndTheLimitTcComputes() {
        TbfOptions tbf = TbfOptions.withLatency(1_000_000, 1514, 50_000);

        assertThat(tbf.kind()).isEqualTo("tbf");
        assertThat(tbf.rateBitsPerSecond()).isEqualTo(1_000_000);
        assertThat(tbf.burstBytes()).isEqualTo(1514);
        assertThat(tbf.limitBytes()).isEqualTo(125_000 / 20 + 1514); // 50 ms at 125000 bytes/s, plus the bucket
        assertThat(TbfOptions.of(1_000_000, 1514, 15_140).limitBytes()).isEqualTo(15_140);
    }

    @Test
    void tbfCutsARateToWholeBytesPerSecondAsTcDoes() {
        assertThat(TbfOptions.of(1_000_007, 1514, 15_140).rateBitsPerSecond()).isEqualTo(1_000_000);
    }

    @Test
    void tbfCarriesRatesOf2To32BytesPerSecondAndMoreInRate64() {
        TbfOptions below = TbfOptions.withLatency(0xFFFFFFFFL * 8, 50_000_000, 1000);
        TbfOptions above = TbfOptions.withLatency(0x100000000L * 8, 50_000_000, 1000);

        assertThat(below.attributes()).noneMatch(TbfAttribute.Rate64.class::isInstance);
        assertThat(above.attributes()).anyMatch(TbfAttribute.Rate64.class::isInstance);
        assertThat(above.qopt().rate().rateBytesPerSecond()).isEqualTo(0xFFFFFFFFL);
        assertThat(above.rateBytesPerSecond()).isEqualTo(0x100000000L);
    }

    @Test
    void tbfRefusesWhatTcWouldSendAsZeroOrComputePastItsThirtyTwoBits() {
        assertThatThrownBy(() -> TbfOptions.of(7, 1514, 15_140)).hasMessageContaining("rate 7");
        assertThatThrownBy(() -> TbfOptions.of(1_000_000, 0, 15_140)).hasMessageContaining("burst 0");
        assertThatThrownBy(() -> TbfOptions.of(1_000_000, 1514, 0)).hasMessageContaining("limit 0");
        assertThatThrownBy(() -> TbfOptions.withLatency(1_000_000, 1514, 0)).hasMessageContaining("latency 0");
        // 1 byte/s: sending the rate table's last 2048 bytes takes more ticks than 32 bits hold.
        assertThatThrownBy(() -> TbfOptions.of(8, 1514, 15_140)).hasMessageContaining("outside tc's 32 bits");
        // A bucket of 320 s at the rate: its ticks overflow too.
        assertThatThrownBy(() -> TbfOptions.of(1_000_000, 40_000_000, 40_000_000))
                .hasMessageContaining("outside tc's 32 bits");
        // 100 Gbit/s for a minute is more than a 32-bit limit in bytes.
        assertThatThrownBy(() -> TbfOptions.withLatency(100_000_000_000L, 125_000_000, 60_000_000))
                .hasMessageContaining("the limit");
    }

    @Test
    void tbfAtTheLanguagesExtremesIsAccepted() {
        assertThat(TbfOptions.withLatency(64, 1514, 50_000).rateBitsPerSecond()).isEqualTo(64);
        assertThat(TbfOptions.withLatency(100_000_000_000L, 125_000_000, 50_000).rateBitsPerSecond())
                .isEqualTo(100_000_000_000L);
    }

    @Test
    void netemReadsBackItsDelayJitterLimitAndRate() {
        NetemOptions netem = NetemOptions.of(100_000, 10_000, 1000, 1_000_000);

        assertThat(netem.kind()).isEqualTo("netem");
        assertThat(netem.delay()).isEqualTo(Duration.ofMillis(100));
        assertThat(netem.jitter()).isEqualTo(Duration.ofMillis(10));
        assertThat(netem.limitPackets()).isEqualTo(1000);
        assertThat(netem.rateBytesPerSecond()).hasValue(125_000);
        assertThat(NetemOptions.of(100_000, 0, 1000, 0).rateBytesPerSecond()).isEmpty();
        assertThat(NetemOptions.of(1000, 0, 1000, 40_000_000_000L).rateBytesPerSecond()).hasValue(5_000_000_000L);
    }

    @Test
    void netemDelayIsInWholeTicksOf64Nanoseconds() {
        // 1 us is 15.625 ticks, which tc truncates to 15: 960 ns.
        assertThat(NetemOptions.of(1, 0, 1000, 0).delay()).isEqualTo(Duration.ofNanos(960));
    }

    @Test
    void netemRefusesWhatTcWouldRefuseOrOverflow() {
        assertThatThrownBy(() -> NetemOptions.of(100_000, 0, 0, 0)).hasMessageContaining("limit 0");
        assertThatThrownBy(() -> NetemOptions.of(100_000, 0, 1000, 7)).hasMessageContaining("rate 7");
        assertThatThrownBy(() -> NetemOptions.of(-1, 0, 1000, 0)).hasMessageContaining("delay -1");
        // tc's get_ticks refuses a time whose ticks need more than 32 bits: about 274.9 s.
        assertThatThrownBy(() -> NetemOptions.of(274_877_907, 0, 1000, 0)).hasMessageContaining("outside tc's 32 bits");
        assertThat(NetemOptions.of(60_000_000, 60_000_000, 1_000_000, 0).delay()).isEqualTo(Duration.ofSeconds(60));
    }
}

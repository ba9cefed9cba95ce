package netlab.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** tc's view of the packet scheduler's clock, which the codec holds as a constant. */
class PschedClockTest {
    @Test
    void theConstantIsWhatThisMachinesKernelSays() throws Exception {
        // The one place the codec's tests read the machine: the kernel tc's ticks come from.
        PschedClock machine = PschedClock.parse(Files.readString(Path.of("/proc/net/psched")));

        assertThat(machine.ticksPerMicrosecond()).isEqualTo(PschedClock.KERNEL.ticksPerMicrosecond()).isEqualTo(15.625);
    }

    @Test
    void aNanosecondResolutionIsReadWithTcsCompatibilityRule() {
        // tc_core_init: with clock_res 1000000000 the first number is taken to equal the second.
        assertThat(PschedClock.parse("000003e8 00000040 3b9aca00").ticksPerMicrosecond()).isEqualTo(1000);
    }

    @Test
    void conversionsTruncateAsTcsCDoes() {
        PschedClock clock = PschedClock.KERNEL;

        assertThat(clock.ticks(1)).isEqualTo(15);
        assertThat(clock.microseconds(31)).isEqualTo(1);
        assertThat(clock.transmitTicks(125_000, 1514)).isEqualTo(189_250);
        // 8 bytes at 3 bytes/s: 2666666.67 us, cut to 2666666 before it becomes 41666656.25 ticks.
        assertThat(clock.transmitTicks(3, 8)).isEqualTo(41_666_656);
        assertThat(clock.transmitSize(125_000, 189_250)).isEqualTo(1514);
        assertThat(clock.duration(1_562_500)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void whatCWouldOverflowIsRefused() {
        assertThat(PschedClock.KERNEL.ticks(274_877_906)).isEqualTo(4_294_967_281L);
        assertThatThrownBy(() -> PschedClock.KERNEL.ticks(274_877_907)).isInstanceOf(IllegalArgumentException.class);
    }
}

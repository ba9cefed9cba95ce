package netlab.netlink.route;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import netlab.netlink.NlMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden bytes of the qdisc requests: each factory encodes to what tc (iproute2 6.1) sent for its
 * {@code Equivalent to} command, rate table and ticks included, and each capture decodes to the
 * factory's message.
 */
class QdiscRequestsTest {
    private static final int V0 = 3; // the ifindex v0 had when the fixtures were captured

    static Stream<Arguments> captures() {
        return Stream.of(
                arguments("route/qdisc-add-tbf-latency.txt",
                        QdiscRequests.addRoot(V0, TbfOptions.withLatency(1_000_000, 1514, 50_000))),
                arguments("route/qdisc-add-tbf-limit.txt",
                        QdiscRequests.addRoot(V0, TbfOptions.of(1_000_000, 1514, 151_400))),
                arguments("route/qdisc-add-tbf-10gbit.txt",
                        QdiscRequests.addRoot(V0, TbfOptions.withLatency(10_000_000_000L, 12_500_000, 50_000))),
                arguments("route/qdisc-add-tbf-rate64.txt",
                        QdiscRequests.addRoot(V0, TbfOptions.withLatency(40_000_000_000L, 50_000_000, 50_000))),
                arguments("route/qdisc-replace-tbf.txt",
                        QdiscRequests.replaceRoot(V0, TbfOptions.withLatency(100_000_000, 125_000, 50_000))),
                arguments("route/qdisc-add-netem-delay.txt",
                        QdiscRequests.addRoot(V0, NetemOptions.of(100_000, 0, NetemOptions.DEFAULT_LIMIT_PACKETS, 0))),
                arguments("route/qdisc-add-netem-delay-jitter.txt",
                        QdiscRequests.addRoot(V0, NetemOptions.of(100_000, 10_000, 1000, 0))),
                arguments("route/qdisc-add-netem-limit.txt",
                        QdiscRequests.addRoot(V0, NetemOptions.of(100_000, 0, 50, 0))),
                arguments("route/qdisc-add-netem-rate.txt",
                        QdiscRequests.addRoot(V0, NetemOptions.of(100_000, 10_000, 1000, 1_000_000))),
                arguments("route/qdisc-add-netem-rate64.txt",
                        QdiscRequests.addRoot(V0, NetemOptions.of(1_000, 0, 1000, 40_000_000_000L))),
                arguments("route/qdisc-del-root.txt", QdiscRequests.deleteRoot(V0)),
                arguments("route/qdisc-dump-request.txt", DumpRequests.qdiscs()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void factoryAndCaptureAgreeBothWays(String fixture, NlMessage request) {
        RequestCaptures.assertIsTheCapture(fixture, request);
    }
}

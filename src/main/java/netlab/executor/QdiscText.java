package netlab.executor;

import java.time.Duration;
import netlab.netlink.route.NetemOptions;
import netlab.netlink.route.QdiscOptions;
import netlab.netlink.route.TbfOptions;

/** A root qdisc netlab installs (impair), in tc's words as the kernel reports it: what show prints. */
final class QdiscText {
    private QdiscText() {}

    static String of(QdiscOptions options) {
        return switch (options) {
            case TbfOptions tbf -> "tbf rate " + tbf.rateBitsPerSecond() + "bit burst " + tbf.burstBytes() + "b limit "
                    + tbf.limitBytes() + "b";
            case NetemOptions netem -> "netem delay " + micros(netem.delay())
                    + (netem.jitter().isZero() ? "" : " " + micros(netem.jitter())) + " limit " + netem.limitPackets()
                    + (netem.rateBytesPerSecond().isPresent() ? " rate " + netem.rateBytesPerSecond().getAsLong() * 8 + "bit" : "");
        };
    }

    private static String micros(Duration duration) {
        return duration.toNanos() / 1000 + "us";
    }
}

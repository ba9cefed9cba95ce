package netlab.topology;

import java.net.InetAddress;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code route DEST [via GW] [dev IF] [onlink] [metric N] [src ADDR]}. A default route is the
 * destination 0.0.0.0/0 (or ::/0 when the gateway is IPv6); a plain address is a /32 or /128.
 */
public record Route(Cidr destination, Optional<InetAddress> via, Optional<String> dev, boolean onlink,
        OptionalInt metric, Optional<InetAddress> src, Source source) {
    public boolean isDefault() {
        return destination.prefixLength() == 0;
    }
}

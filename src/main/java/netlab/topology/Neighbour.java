package netlab.topology;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code neigh ADDR dev IF lladdr MAC|peer}: a permanent neighbour entry. Without a MAC
 * ({@code peer}), the entry takes the MAC of IF's veth peer, known once the pair exists.
 */
public record Neighbour(InetAddress address, String dev, Optional<String> lladdr, Source source) {
    public boolean usesPeerMac() {
        return lladdr.isEmpty();
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} into 6 bytes; the resolver has checked the text. */
    public static byte[] macBytes(String mac) {
        return HexFormat.ofDelimiter(":").parseHex(mac);
    }
}

package netlab.topology;

import java.net.InetAddress;
import java.util.Optional;

/**
 * {@code masquerade [src CIDR] [dst [!]CIDR] [out IF]} or {@code snat ADDR ...}: source NAT in
 * the block's namespace, in the lab's own nf_tables table there. {@code snatTo} is empty for a
 * masquerade. A masquerade with a source and no destination is resolved to "destinations
 * outside the source" ({@code dst != src}), as the language documents.
 */
public record NatRule(Optional<InetAddress> snatTo, Optional<Cidr> src, Optional<Cidr> dst, boolean dstNegated,
        Optional<String> out, Source source) {
    public boolean isMasquerade() {
        return snatTo.isEmpty();
    }
}

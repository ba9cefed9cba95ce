package netlab.topology.write;

import java.net.InetAddress;
import java.util.List;
import netlab.topology.Addresses;
import netlab.topology.Cidr;

/**
 * Values in the words a topology file gives them: an address as iproute2 prints it, a prefix in
 * {@link Cidr}'s own text, its length always said ({@code 10.0.0.1/32}, not the plain address
 * that a route or a NAT match would also read as one host).
 */
final class Words {
    private Words() {}

    static String address(InetAddress address) {
        return Addresses.format(address);
    }

    static String cidr(Cidr cidr) {
        return cidr.toString();
    }

    static String addresses(List<Cidr> addresses) {
        return String.join(" ", addresses.stream().map(Cidr::toString).toList());
    }
}

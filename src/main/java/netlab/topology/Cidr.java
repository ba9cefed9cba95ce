package netlab.topology;

import java.net.Inet4Address;
import java.net.InetAddress;

/** An address with its prefix length, {@code 192.168.0.1/24} or {@code 2001:db8::1/64}. */
public record Cidr(InetAddress address, int prefixLength) {
    public Cidr {
        int max = address instanceof Inet4Address ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " is outside 0.." + max);
        }
    }

    // equals and hashCode written out: a record's generated ones are built at run time from
    // method handles the AOT cache does not hold, ~20 ms of every up (docs/startup.md).
    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && prefixLength == that.prefixLength && address.equals(that.address);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + prefixLength;
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** True when {@code other} lies inside this prefix (same family). */
    public boolean contains(InetAddress other) {
        byte[] a = address.getAddress();
        byte[] b = other.getAddress();
        if (a.length != b.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The network: the address with the host bits cleared. */
    public Cidr network() {
        byte[] bytes = address.getAddress();
        for (int bit = prefixLength; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        try {
            // Inet6Address.getByAddress: InetAddress.getByAddress turns ::ffff:a.b.c.d into IPv4.
            InetAddress network = bytes.length == 4 ? InetAddress.getByAddress(bytes)
                    : java.net.Inet6Address.getByAddress(null, bytes, -1);
            return new Cidr(network, prefixLength);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public String toString() {
        return Addresses.format(address) + "/" + prefixLength;
    }
}

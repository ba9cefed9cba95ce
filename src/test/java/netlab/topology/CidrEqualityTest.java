package netlab.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Cidr's equals and hashCode are written out (a record's generated ones cost start-up time). */
class CidrEqualityTest {
    @Test
    void theSameAddressAndLengthAreEqualWithTheSameHash() throws Exception {
        Cidr a = new Cidr(InetAddress.getByName("192.168.0.1"), 24);
        Cidr b = new Cidr(InetAddress.getByName("192.168.0.1"), 24);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void theAddressAndTheLengthBothCount() throws Exception {
        Cidr a = new Cidr(InetAddress.getByName("192.168.0.1"), 24);

        assertThat(a).isNotEqualTo(new Cidr(InetAddress.getByName("192.168.0.2"), 24))
                .isNotEqualTo(new Cidr(InetAddress.getByName("192.168.0.1"), 25))
                .isNotEqualTo(new Cidr(InetAddress.getByName("2001:db8::1"), 24))
                .isNotEqualTo("192.168.0.1/24");
    }
}

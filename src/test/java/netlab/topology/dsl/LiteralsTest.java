package netlab.topology.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Address literals and the automatic port names, against the JDK's own parser and Python's zlib.crc32. */
class LiteralsTest {
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.168.0.254", "255.255.255.255", "::", "::1", "2001:db8::1", "fe80::1:2",
            "1:2:3:4:5:6:7:8", "1::8", "::ffff:10.0.0.1", "2001:DB8:0:0:0:0:0:1", "64:ff9b::192.0.2.33"})
    void acceptsWhatTheJdkReadsAsTheSameAddress(String text) throws Exception {
        InetAddress expected = InetAddress.getByName(text);
        InetAddress parsed = IpText.parse(text);
        assertThat(parsed.getAddress()).isEqualTo(expected.getAddress().length == 4 && text.contains(":")
                ? v4Mapped(expected.getAddress()) : expected.getAddress());
        assertThat(parsed instanceof Inet6Address).isEqualTo(text.contains(":"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.-4", "1..2.3", "example.com",
            "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":::", "1::2::3", "12345::", "::g", "fe80::1%eth0", "::1.2.3",
            "1:2:3:4:5:6:7::8.8.8.8", " 1.2.3.4", "1.2.3.4.", ".1.2.3", "1.2.3.1000", "00.1.2.3", "1.2.3.4a"})
    void refusesEverythingElse(String text) {
        assertThat(IpText.parse(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ns1:eth0:ns1-eth0", "host:veth0:host-veth0", "abcdefghij:eth0:abcdefghij-eth0", "abcdefghijk:eth0:abcdef-cef123e6",
            "container-foo:eth0:contai-1e30efb5", "ééé:eth0:ééé-eth0", "éééééé:eth0:ééé-7ef098a5"})
    void automaticPortNames(String nodeInterfaceExpected) {
        String[] parts = nodeInterfaceExpected.split(":");
        String name = PortNames.automatic(parts[0], parts[1]);
        assertThat(name).isEqualTo(parts[2]);
        assertThat(Names.interfaceProblem(name)).isNull();
    }

    private static byte[] v4Mapped(byte[] v4) {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        System.arraycopy(v4, 0, bytes, 12, 4);
        return bytes;
    }
}

package netlab.netlink.route;

import static netlab.netlink.NlmFlags.NLM_F_ACK;
import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_EXCL;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;
import static netlab.netlink.testing.FixtureAssert.assertEncodesTo;
import static netlab.netlink.testing.FixtureAssert.assertRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.api.Test;

/** The address requests iproute2 sends, byte for byte, in both directions. */
class AddressMessageTest {
    private static final int CREATE = NLM_F_REQUEST | NLM_F_ACK | NLM_F_EXCL | NLM_F_CREATE;
    private static final int VETH0 = 3; // the ifindex veth0 had when the fixtures were captured

    @Test
    void ipv4AddIsLocalThenAddressWithoutBroadcast() throws Exception {
        AddressMessage add = AddressMessage.add(VETH0, InetAddress.getByName("192.168.0.1"), 24);

        assertGolden("route/addr-add-v4.txt", RtmTypes.RTM_NEWADDR, CREATE, add);
        assertThat(add.local()).contains(InetAddress.getByName("192.168.0.1"));
        assertThat(add.address()).contains(InetAddress.getByName("192.168.0.1"));
        assertThat(add.broadcast()).isEmpty();
    }

    @Test
    void ipv6NodadAddPutsTheFlagInTheHeader() throws Exception {
        AddressMessage add = AddressMessage.addNoDad(VETH0, InetAddress.getByName("2001:db8::1"), 64);

        assertGolden("route/addr-add-v6-nodad.txt", RtmTypes.RTM_NEWADDR, CREATE, add);
        assertThat(add.header().family()).isEqualTo(RtFamily.AF_INET6);
        assertThat(add.flags()).isEqualTo(IfAddrMsg.IFA_F_NODAD);
    }

    @Test
    void deleteSendsTheAddsBodyAsRtmDeladdr() throws Exception {
        assertGolden("route/addr-del-v4.txt", RtmTypes.RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK,
                AddressMessage.delete(VETH0, InetAddress.getByName("192.168.0.1"), 24));
    }

    @Test
    void flagsBeyondEightBitsTravelInIfaFlagsBetweenLocalAndAddress() throws Exception {
        InetAddress address = InetAddress.getByName("2001:db8::1");
        int flags = IfAddrMsg.IFA_F_NODAD | IfAddrMsg.IFA_F_NOPREFIXROUTE;

        AddressMessage add = AddressMessage.add(VETH0, address, 64, flags);

        // iproute2's ipaddr_modify: ifa_flags when the bits fit a u8, else IFA_FLAGS only.
        assertThat(add.header().flags()).isZero();
        assertThat(add.attributes()).containsExactly(new AddressAttribute.Local(address),
                new AddressAttribute.Flags(flags), new AddressAttribute.Address(address));
        assertThat(add.flags()).isEqualTo(flags);
    }

    @Test
    void broadcastAndLabelAreAppended() throws Exception {
        AddressMessage add = AddressMessage.add(VETH0, InetAddress.getByName("10.9.0.1"), 16)
                .withBroadcast(InetAddress.getByName("10.9.255.255")).withLabel("veth0:lab");

        assertThat(add.broadcast()).contains(InetAddress.getByName("10.9.255.255"));
        assertThat(add.label()).contains("veth0:lab");
        assertThat(add.attributes().getLast()).isEqualTo(new AddressAttribute.Label("veth0:lab"));
    }

    private static void assertGolden(String path, int type, int flags, AddressMessage expected) {
        Fixture fixture = Fixture.load(path);
        assertEncodesTo(NlMessage.request(type, flags, expected), fixture);

        NlMessage decoded = NetlinkCodec.decodeOne(fixture.buffer(), RtnetlinkDecoder.INSTANCE);
        assertThat(decoded.type()).isEqualTo(type);
        assertThat(decoded.flags()).isEqualTo(flags);
        assertThat(decoded.payload()).isEqualTo(expected);
        assertRoundTrips(List.of(decoded), fixture);
    }
}

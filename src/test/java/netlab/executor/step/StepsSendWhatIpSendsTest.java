package netlab.executor.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NetlinkPrinter;
import netlab.netlink.NlMessage;
import netlab.netlink.nftables.NftTypes;
import netlab.netlink.nftables.NftablesDecoder;
import netlab.netlink.route.RtnetlinkDecoder;
import netlab.netlink.testing.Fixture;
import netlab.plan.Operation;
import netlab.topology.Cidr;
import netlab.topology.NatRule;
import netlab.topology.NetInterface.MacvlanMode;
import netlab.topology.Route;
import netlab.topology.Source;
import org.junit.jupiter.api.Test;

/**
 * Each kind of step sends what {@code ip} or {@code nft} sends for the step's own plan line:
 * every fixture in {@code fixtures/steps/} holds the bytes ip or nft sent for the command on its
 * capture line, and the step built here must render exactly that command and send exactly those
 * bytes, but for netlab's ownership marks ({@link OwnershipMarks}) and the run-time values of the header
 * (sequence number, port id). Namespaces and sysctls send no netlink; the plan-against-up
 * differential test covers them.
 */
class StepsSendWhatIpSendsTest {
    private static final Source AT = new Source("t.topo", 1, 1);
    /**
     * What the captures' setups gave: in ns1, lo (1) and then br0 (2), or the veth pair whose
     * peer eth1 the kernel makes first (2) and eth0 (3); ip opened ns2's namespace as fd 4.
     */
    private static final CapturedContext CAPTURED = new CapturedContext(Map.of("ns1:br0", 2, "ns1:eth0", 3), 4);
    private static final int NLMSGHDR = 16;

    @Test
    void bridge() {
        assertSendsAsCaptured(new BridgeStep(new Operation.CreateBridge("ns1", "br0", "02:00:00:00:00:01", AT)), "bridge");
    }

    @Test
    void vethPairWithABridgePortAndItsPeerInAnotherNode() {
        assertSendsAsCaptured(new VethStep(new Operation.CreateVeth("ns1", "ns2-eth0", "02:00:00:00:00:02",
                Optional.of("br0"), "ns2", "eth0", "02:00:00:00:00:03", AT)), "veth");
    }

    @Test
    void macvlanCreatedInAnotherNode() {
        assertSendsAsCaptured(new MacvlanStep(new Operation.CreateMacvlan("ns1", "eth0", "mv0", "02:00:00:00:00:04",
                MacvlanMode.BRIDGE, "ns2", AT)), "macvlan");
    }

    @Test
    void vxlanBridgedOverItsUnderlay() {
        CapturedContext captured = new CapturedContext(Map.of("ns1:br0", 2, "ns1:eth0", 4), 4);
        assertSendsAsCaptured(new VxlanStep(new Operation.CreateVxlan("ns1", "vx0", "02:00:00:00:00:06", 42,
                ip("192.0.2.2"), Optional.of(ip("192.0.2.1")), Optional.of("eth0"), false, 4789, Optional.of("br0"), AT)),
                "vxlan", captured);
    }

    @Test
    void mtu() {
        assertSendsAsCaptured(new MtuStep(new Operation.SetMtu("ns1", "eth0", 1480, AT)), "mtu");
    }

    @Test
    void noIpv6LinkLocalAddress() {
        assertSendsAsCaptured(new Ipv6LinkLocalStep(new Operation.DisableIpv6LinkLocal("ns1", "eth0", AT)), "addrgenmode");
    }

    @Test
    void linkUp() {
        assertSendsAsCaptured(new LinkUpStep(new Operation.SetUp("ns1", "eth0", AT)), "up");
    }

    @Test
    void addresses() {
        assertSendsAsCaptured(new AddressStep(new Operation.AddAddress("ns1", "eth0", cidr("192.168.0.1", 24), AT)),
                "address-v4");
        assertSendsAsCaptured(new AddressStep(new Operation.AddAddress("ns1", "eth0", cidr("fd00:60::10", 64), AT)),
                "address-v6");
    }

    @Test
    void permanentNeighbour() {
        assertSendsAsCaptured(new NeighbourStep(new Operation.AddNeighbour("ns1", ip("172.31.32.1"), "eth0",
                "02:00:00:00:00:05", AT)), "neighbour");
    }

    @Test
    void permanentNeighbourOnTheHostsOwnLoopbackIsAddedNotReplaced() {
        assertSendsAsCaptured(new NeighbourStep(new Operation.AddNeighbour("host", ip("10.99.0.2"), "lo",
                "02:00:00:00:00:05", AT)), "neighbour-host-lo", new CapturedContext(Map.of("host:lo", 1), 4));
    }

    @Test
    void routes() {
        assertSendsAsCaptured(new RouteStep(new Operation.AddRoute("ns1", new Route(cidr("172.31.32.1", 32),
                Optional.empty(), Optional.of("eth0"), false, OptionalInt.empty(), Optional.empty(), AT), AT)), "route-device");
        assertSendsAsCaptured(new RouteStep(new Operation.AddRoute("ns1", new Route(cidr("0.0.0.0", 0),
                Optional.of(ip("172.31.32.1")), Optional.of("eth0"), true, OptionalInt.of(100),
                Optional.of(ip("172.31.37.240")), AT), AT)), "route-gateway");
    }

    @Test
    void natTablesOfBothFamilies() {
        Cidr lan = cidr("192.168.60.0", 24);
        assertTransactionAsCaptured(new NatTableStep(new Operation.ApplyNat("ns1", "ip", "netlab-lab", List.of(
                new NatRule(Optional.empty(), Optional.of(lan), Optional.of(lan), true, Optional.of("wan"), AT)), AT)),
                "nat-ip");
        Cidr lan6 = cidr("fd00:60::", 64);
        assertTransactionAsCaptured(new NatTableStep(new Operation.ApplyNat("ns1", "ip6", "netlab-lab", List.of(
                new NatRule(Optional.empty(), Optional.of(lan6), Optional.of(lan6), true, Optional.empty(), AT),
                new NatRule(Optional.of(ip("2001:db8:ff::1")), Optional.empty(), Optional.empty(), false,
                        Optional.of("wan"), AT)), AT)), "nat-ip6");
    }

    private static void assertSendsAsCaptured(RtnetlinkStep step, String fixture) {
        assertSendsAsCaptured(step, fixture, CAPTURED);
    }

    private static void assertSendsAsCaptured(RtnetlinkStep step, String fixture, CapturedContext context) {
        Fixture captured = Fixture.load("steps/" + fixture + ".txt");
        assertThat(step.command()).as("the plan line").isEqualTo(command(captured));
        NlMessage sent = RequestMarks.strip(step.request(context));
        NlMessage ip = NetlinkCodec.decodeOne(captured.buffer(), RtnetlinkDecoder.INSTANCE);
        assertThat(sent.type()).isEqualTo(ip.type());
        assertThat(sent.flags()).as("flags").isEqualTo(ip.flags());
        assertThat(sent.payload()).as("%s%nip sent:%n%s", NetlinkPrinter.print(sent, RtnetlinkDecoder.INSTANCE),
                NetlinkPrinter.print(ip, RtnetlinkDecoder.INSTANCE)).isEqualTo(ip.payload());
        assertThat(afterHeader(encode(sent))).isEqualTo(afterHeader(captured.bytes()));
    }

    /** nft's datagram: begin, the transaction's messages, end. The step's are the ones between. */
    private static void assertTransactionAsCaptured(NatTableStep step, String fixture) {
        Fixture captured = Fixture.load("steps/" + fixture + ".txt");
        assertThat(step.command()).as("the plan line").isEqualTo(command(captured));
        List<NlMessage> nft = NetlinkCodec.decode(captured.buffer(), NftablesDecoder.INSTANCE).stream()
                .filter(m -> m.type() != NftTypes.NFNL_MSG_BATCH_BEGIN && m.type() != NftTypes.NFNL_MSG_BATCH_END).toList();
        List<NlMessage> sent = step.changes();
        assertThat(sent).hasSameSizeAs(nft);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(sent.get(i).type()).isEqualTo(nft.get(i).type());
            assertThat(sent.get(i).flags()).as("flags of message %d", i).isEqualTo(nft.get(i).flags());
            assertThat(sent.get(i).payload()).as("message %d", i).isEqualTo(nft.get(i).payload());
        }
    }

    /** The command on the fixture's capture line: after {@code -- }, before the pipe to strace-hex. */
    private static String command(Fixture captured) {
        String line = captured.capture();
        return line.substring(line.indexOf(" -- ") + 4, line.lastIndexOf(" | tools/strace-hex"));
    }

    private static byte[] encode(NlMessage message) {
        ByteBuf buffer = Unpooled.buffer();
        NetlinkCodec.encode(message, buffer);
        return ByteBufUtil.getBytes(buffer);
    }

    private static byte[] afterHeader(byte[] bytes) {
        return Arrays.copyOfRange(bytes, NLMSGHDR, bytes.length);
    }

    private static Cidr cidr(String address, int length) {
        return new Cidr(ip(address), length);
    }

    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }
}

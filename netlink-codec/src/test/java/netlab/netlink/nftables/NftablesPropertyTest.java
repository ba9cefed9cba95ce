package netlab.netlink.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.SplittableRandom;
import netlab.netlink.CodecException;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlPayload;
import netlab.netlink.testing.Fixture;
import netlab.netlink.testing.Generators;
import netlab.netlink.testing.Property;
import netlab.netlink.testing.RoundTrip;
import org.junit.jupiter.api.Test;

class NftablesPropertyTest {
    private static final List<String> FIXTURES = List.of("table-add-ip.txt", "table-add-inet.txt", "table-delete-ip.txt",
            "table-delete-inet.txt", "table-add-ip6.txt", "table-delete-ip6.txt", "chain-add-nat-ip.txt",
            "chain-add-nat-ip6.txt", "chain-add-nat-inet.txt", "rule-oifname-masquerade-ip.txt",
            "rule-oifname-masquerade-inet.txt", "rule-saddr-masquerade-ip.txt", "rule-saddr-masquerade-inet.txt",
            "rule-daddr-snat-ip.txt", "rule-daddr-snat-inet.txt", "rule-bitwise-counter-accept-ip.txt",
            "rule-masquerade-ports-ip.txt", "ruleset-dump.txt");

    @Test
    void randomTablesSurviveARoundTrip() {
        Property.forAll("nftables tables", 500, random -> RoundTrip.assertSurvives(
                message(random, NftTypes.NFT_MSG_NEWTABLE + random.nextInt(3), NftGenerators.table(random)),
                NftablesDecoder.INSTANCE));
    }

    @Test
    void randomChainsSurviveARoundTrip() {
        Property.forAll("nftables chains", 500, random -> RoundTrip.assertSurvives(
                message(random, NftTypes.NFT_MSG_NEWCHAIN + random.nextInt(3), NftGenerators.chain(random)),
                NftablesDecoder.INSTANCE));
    }

    @Test
    void randomRulesWithUnknownExpressionsSurviveARoundTrip() {
        Property.forAll("nftables rules", 1000, random -> RoundTrip.assertSurvives(
                message(random, NftTypes.NFT_MSG_NEWRULE + random.nextInt(3), NftGenerators.rule(random)),
                NftablesDecoder.INSTANCE));
    }

    @Test
    void randomBatchesSurviveARoundTrip() {
        Property.forAll("nftables batches", 200, random -> {
            List<NlMessage> batch = NftBatch.transaction(random.nextInt(), List.of(
                    message(random, NftTypes.NFT_MSG_NEWRULE, NftGenerators.rule(random))));
            ByteBuf bytes = Unpooled.buffer();
            NetlinkCodec.encodeAll(batch, bytes);
            List<NlMessage> decoded = NetlinkCodec.decode(bytes, NftablesDecoder.INSTANCE);
            assertThat(decoded).extracting(NlMessage::payload).containsExactlyElementsOf(batch.stream().map(NlMessage::payload).toList());
            assertThat(decoded).extracting(m -> m.header().sequence())
                    .containsExactly(batch.get(0).header().sequence(), batch.get(1).header().sequence(), batch.get(2).header().sequence());
        });
    }

    @Test
    void truncatedFixturesDecodeOrFailCleanly() {
        Property.forAll("nftables truncations", 1000, random -> {
            byte[] bytes = fixture(random);
            byte[] truncated = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            assertDecodesStablyOrFailsCleanly(truncated);
        });
    }

    @Test
    void bitFlippedFixturesDecodeOrFailCleanly() {
        Property.forAll("nftables bit flips", 3000, random -> {
            byte[] bytes = fixture(random);
            for (int flips = random.nextInt(1, 5); flips > 0; flips--) {
                int bit = random.nextInt(bytes.length * 8);
                bytes[bit / 8] ^= (byte) (1 << (bit % 8));
            }
            assertDecodesStablyOrFailsCleanly(bytes);
        });
    }

    @Test
    void arbitraryBodiesUnderAValidHeaderDecodeOrFailCleanly() {
        Property.forAll("nftables arbitrary bodies", 2000, random -> {
            byte[] body = Generators.bytes(random, random.nextInt(200));
            int type = random.nextBoolean() ? NftTypes.type(random.nextInt(10)) : NftTypes.NFNL_MSG_BATCH_BEGIN;
            ByteBuf bytes = Unpooled.buffer();
            NetlinkCodec.encode(new NlMessage(new NlMsgHeader(0, type, 1, 0, 0), new netlab.netlink.RawPayload(body)), bytes);
            assertDecodesStablyOrFailsCleanly(io.netty.buffer.ByteBufUtil.getBytes(bytes));
        });
    }

    /** Decodes, or throws only CodecException; what decodes encodes to bytes that decode to the same payloads. */
    private static void assertDecodesStablyOrFailsCleanly(byte[] bytes) {
        List<NlMessage> decoded;
        try {
            decoded = NetlinkCodec.decode(Unpooled.wrappedBuffer(bytes), NftablesDecoder.INSTANCE);
        } catch (CodecException rejected) {
            return;
        }
        ByteBuf again = Unpooled.buffer();
        NetlinkCodec.encodeAll(decoded, again);
        List<NlPayload> payloads = NetlinkCodec.decode(again, NftablesDecoder.INSTANCE).stream().map(NlMessage::payload).toList();
        assertThat(payloads).containsExactlyElementsOf(decoded.stream().map(NlMessage::payload).toList());
    }

    private static byte[] fixture(SplittableRandom random) {
        return Fixture.load("nftables/" + FIXTURES.get(random.nextInt(FIXTURES.size()))).bytes();
    }

    private static NlMessage message(SplittableRandom random, int nftMessage, NlPayload payload) {
        return new NlMessage(new NlMsgHeader(0, NftTypes.type(nftMessage), Generators.u16(random), random.nextInt(),
                random.nextInt()), payload);
    }
}

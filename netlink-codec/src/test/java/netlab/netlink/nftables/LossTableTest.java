package netlab.netlink.nftables;

import static netlab.netlink.nftables.NftFixtures.assertTransactionEncodesTo;
import static netlab.netlink.nftables.NftFixtures.decodeTransactionRequests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lab's loss table against the bytes nft sent for the same command (loss-table-*.txt). */
class LossTableTest {
    private static final String TABLE = "netlab-LAB";
    private static final String ONE = "nftables/loss-table-one.txt";
    private static final String TWO = "nftables/loss-table-two.txt";
    private static final List<LossChain> ETH0 = List.of(new LossChain("eth0", 3000));
    private static final List<LossChain> ETH0_ETH1 = List.of(new LossChain("eth0", 3000), new LossChain("eth1", 50));

    @Test
    void oneInterfaceEncodesAsNft() {
        assertTransactionEncodesTo(NftRequests.lossTable(TABLE, ETH0), ONE);
    }

    @Test
    void twoInterfacesEncodeAsNftTableThenChainsThenRules() {
        List<NlMessage> requests = NftRequests.lossTable(TABLE, ETH0_ETH1);

        assertTransactionEncodesTo(requests, TWO);
        assertThat(requests).extracting(message -> NftTypes.message(message.type())).containsExactly(
                NftTypes.NFT_MSG_NEWTABLE, NftTypes.NFT_MSG_NEWCHAIN, NftTypes.NFT_MSG_NEWCHAIN,
                NftTypes.NFT_MSG_NEWRULE, NftTypes.NFT_MSG_NEWRULE);
    }

    @Test
    void theCapturedCommandsAreTheModelsText() {
        assertThat(Fixture.load(ONE).capture()).contains(" -- nft '" + LossChain.addTable(TABLE, ETH0) + "' |");
        assertThat(Fixture.load(TWO).capture()).contains(" -- nft '" + LossChain.addTable(TABLE, ETH0_ETH1) + "' |");
        assertThat(new LossChain("eth1", 50).text()).isEqualTo("chain impair-eth1 { type filter hook ingress device \"eth1\""
                + " priority 0; policy accept; numgen random mod 10000 < 50 drop; }");
    }

    @Test
    void nftsRequestsDecodeToTheModelsMessages() {
        List<NlMessage> captured = decodeTransactionRequests(TWO);
        List<NlMessage> built = NftRequests.lossTable(TABLE, ETH0_ETH1);

        assertThat(captured).extracting(NlMessage::type).containsExactlyElementsOf(built.stream().map(NlMessage::type).toList());
        assertThat(captured).extracting(NlMessage::flags).containsExactlyElementsOf(built.stream().map(NlMessage::flags).toList());
        assertThat(captured).extracting(NlMessage::payload).containsExactlyElementsOf(built.stream().map(NlMessage::payload).toList());
    }

    @Test
    void theSentChainHooksItsDevicesIngressNamingItOnlyInNftaHookDev() {
        ChainMessage chain = (ChainMessage) decodeTransactionRequests(ONE).get(1).payload();

        assertThat(chain.hook()).contains(new ChainHook(ChainHook.NF_NETDEV_INGRESS, 0, Optional.of(new HookDevice("eth0", false))));
        assertThat(chain.hook().flatMap(ChainHook::deviceName)).contains("eth0");
        assertThat(chain.hook()).contains(ChainHook.ingress("eth0", 0));
        assertThat(chain.policy()).hasValue(NftData.NF_ACCEPT);
        assertThat(chain.attributes()).noneMatch(ChainAttribute.Other.class::isInstance);
    }

    @Test
    void theSentRuleIsNumgenByteorderCmpLessThanDrop() {
        RuleMessage rule = (RuleMessage) decodeTransactionRequests(ONE).get(2).payload();

        assertThat(rule.expressions().orElseThrow()).containsExactly(
                new NumgenExpression(Expression.NFT_REG_1, 10_000, NumgenExpression.NFT_NG_RANDOM, 0),
                new ByteorderExpression(Expression.NFT_REG_1, Expression.NFT_REG_1, ByteorderExpression.NFT_BYTEORDER_HTON, 4, 4),
                new CmpExpression(Expression.NFT_REG_1, CmpExpression.NFT_CMP_LT, new NftData.Value(new byte[] {0, 0, 0x0b, (byte) 0xb8})),
                ImmediateExpression.verdict(NftData.NF_DROP));
    }

    @Test
    void theSentChainAndRuleReadBackAsTheLossChain() {
        List<NlMessage> captured = decodeTransactionRequests(TWO);
        List<RuleMessage> rules = List.of((RuleMessage) captured.get(3).payload(), (RuleMessage) captured.get(4).payload());

        assertThat(LossChain.fromDump((ChainMessage) captured.get(1).payload(), rules)).contains(ETH0_ETH1.get(0));
        assertThat(LossChain.fromDump((ChainMessage) captured.get(2).payload(), rules)).contains(ETH0_ETH1.get(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001})
    void refusesALossOutsideOneHundredthToAllOfIt(int hundredths) {
        assertThatThrownBy(() -> new LossChain("eth0", hundredths)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..10000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sixteen-bytes-xx", "a\"b", "tab\tx"})
    void refusesANameNftCannotWriteAsADevice(String name) {
        assertThatThrownBy(() -> new LossChain(name, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("interface name");
    }

    @Test
    void acceptsTheLongestNameAndTheWholeLoss() {
        LossChain all = new LossChain("fifteen-bytes-x", 10_000);
        assertThat(all.statement()).isEqualTo("numgen random mod 10000 < 10000 drop");
        assertThat(all.chainName()).isEqualTo("impair-fifteen-bytes-x");
    }

    @Test
    void refusesATableWithoutChainsOrWithTwoForOneInterface() {
        List<LossChain> twice = List.of(new LossChain("eth0", 100), new LossChain("eth0", 200));

        assertThatThrownBy(() -> NftRequests.lossTable(TABLE, twice)).hasMessageContaining("two loss chains for interface \"eth0\"");
        assertThatThrownBy(() -> LossChain.addTable(TABLE, twice)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NftRequests.lossTable(TABLE, List.of())).hasMessageContaining("at least one chain");
    }
}

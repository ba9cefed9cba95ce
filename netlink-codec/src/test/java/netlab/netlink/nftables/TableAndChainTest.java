package netlab.netlink.nftables;

import static netlab.netlink.nftables.NftFixtures.assertTransactionEncodesTo;
import static netlab.netlink.nftables.NftFixtures.decodeTransaction;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netlab.netlink.NetlinkCodec;
import netlab.netlink.NlMessage;
import netlab.netlink.testing.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableAndChainTest {
    private static final String TABLE = "netlab-LAB";

    @ParameterizedTest
    @CsvSource({"ip, 2", "ip6, 10", "inet, 1"})
    void addTableEncodesAsNft(String family, int nfproto) {
        assertTransactionEncodesTo(NftRequests.newTable(TableMessage.add(nfproto, TABLE)), "nftables/table-add-" + family + ".txt");
    }

    @ParameterizedTest
    @CsvSource({"ip, 2", "ip6, 10", "inet, 1"})
    void nftAddTableDecodesToTheTable(String family, int nfproto) {
        NlMessage request = decodeTransaction("nftables/table-add-" + family + ".txt");

        assertThat(request.header().type()).isEqualTo(NftTypes.type(NftTypes.NFT_MSG_NEWTABLE));
        assertThat(request.header().flags()).isEqualTo(NftRequests.newTable(TableMessage.add(nfproto, TABLE)).flags());
        assertThat(request.payload()).isEqualTo(TableMessage.add(nfproto, TABLE));
        assertThat(((TableMessage) request.payload()).name()).contains(TABLE);
    }

    @ParameterizedTest
    @CsvSource({"ip, 2", "ip6, 10", "inet, 1"})
    void deleteTableEncodesAsNft(String family, int nfproto) {
        assertTransactionEncodesTo(NftRequests.deleteTable(TableMessage.delete(nfproto, TABLE)),
                "nftables/table-delete-" + family + ".txt");
        NlMessage request = decodeTransaction("nftables/table-delete-" + family + ".txt");
        assertThat(request.type()).isEqualTo(NftTypes.type(NftTypes.NFT_MSG_DELTABLE));
        assertThat(request.payload()).isEqualTo(TableMessage.delete(nfproto, TABLE));
    }

    @ParameterizedTest
    @CsvSource({"ip, 2", "ip6, 10", "inet, 1"})
    void natChainEncodesAsNft(String family, int nfproto) {
        assertTransactionEncodesTo(NftRequests.newChain(ChainMessage.natPostrouting(nfproto, TABLE, "postrouting")),
                "nftables/chain-add-nat-" + family + ".txt");
    }

    @ParameterizedTest
    @CsvSource({"ip, 2", "ip6, 10", "inet, 1"})
    void nftAddChainDecodesToTheNatChain(String family, int nfproto) {
        NlMessage request = decodeTransaction("nftables/chain-add-nat-" + family + ".txt");

        assertThat(request.flags()).isEqualTo(NftRequests.newChain(ChainMessage.natPostrouting(nfproto, TABLE, "x")).flags());
        ChainMessage chain = (ChainMessage) request.payload();
        assertThat(chain).isEqualTo(ChainMessage.natPostrouting(nfproto, TABLE, "postrouting"));
        assertThat(chain.hook()).contains(new ChainHook(ChainHook.NF_INET_POST_ROUTING, 100));
        assertThat(chain.type()).contains("nat");
    }

    @ParameterizedTest
    @CsvSource({"table-add-ip.txt", "rule-daddr-snat-inet.txt"})
    void transactionNumbersItsMessagesConsecutivelyAsNft(String fixture) {
        List<NlMessage> captured = NetlinkCodec.decode(Fixture.load("nftables/" + fixture).buffer(), NftablesDecoder.INSTANCE);

        List<NlMessage> built = NftBatch.transaction(captured.getFirst().header().sequence(), List.of(captured.get(1)));

        assertThat(built).extracting(m -> m.header().sequence())
                .containsExactlyElementsOf(captured.stream().map(m -> m.header().sequence()).toList());
        assertThat(built).extracting(NlMessage::type).containsExactlyElementsOf(captured.stream().map(NlMessage::type).toList());
        assertThat(built).extracting(NlMessage::flags).containsExactlyElementsOf(captured.stream().map(NlMessage::flags).toList());
    }
}

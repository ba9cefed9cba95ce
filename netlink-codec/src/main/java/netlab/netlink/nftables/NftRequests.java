package netlab.netlink.nftables;

import static netlab.netlink.NlmFlags.NLM_F_APPEND;
import static netlab.netlink.NlmFlags.NLM_F_CREATE;
import static netlab.netlink.NlmFlags.NLM_F_DUMP;
import static netlab.netlink.NlmFlags.NLM_F_REQUEST;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.NlMessage;

/**
 * nf_tables requests with the message types and NLM_F_* flags nft 1.0.6 gives them (seen in the
 * captured fixtures). Object changes go into an {@link NftBatch}; dumps are sent on their own.
 */
public final class NftRequests {
    private NftRequests() {}

    /** NFT_MSG_NEWTABLE, NLM_F_REQUEST only: like {@code nft add table}, no error if it exists. */
    public static NlMessage newTable(TableMessage table) {
        return NlMessage.request(NftTypes.type(NftTypes.NFT_MSG_NEWTABLE), NLM_F_REQUEST, table);
    }

    /** NFT_MSG_DELTABLE: deletes the table with its chains and rules, like {@code nft delete table}. */
    public static NlMessage deleteTable(TableMessage table) {
        return NlMessage.request(NftTypes.type(NftTypes.NFT_MSG_DELTABLE), NLM_F_REQUEST, table);
    }

    /** NFT_MSG_NEWCHAIN with NLM_F_CREATE, like {@code nft add chain}. */
    public static NlMessage newChain(ChainMessage chain) {
        return NlMessage.request(NftTypes.type(NftTypes.NFT_MSG_NEWCHAIN), NLM_F_REQUEST | NLM_F_CREATE, chain);
    }

    /** NFT_MSG_NEWRULE with NLM_F_CREATE | NLM_F_APPEND: added at the end of the chain, like {@code nft add rule}. */
    public static NlMessage appendRule(RuleMessage rule) {
        return NlMessage.request(NftTypes.type(NftTypes.NFT_MSG_NEWRULE), NLM_F_REQUEST | NLM_F_CREATE | NLM_F_APPEND, rule);
    }

    /**
     * The lab's loss table in a node: the netdev table, one ingress chain per interface and each
     * chain's rule, in nft's order (the table, every chain, then every rule), for one
     * {@link NftBatch#transaction}. Equivalent to: {@code nft 'add table netdev TABLE { chain
     * impair-IF { type filter hook ingress device "IF" priority 0; policy accept; numgen random mod
     * 10000 < N drop; }; ... }'} ({@link LossChain#addTable} writes that command).
     *
     * @throws IllegalArgumentException for no chains or two for one interface
     */
    public static List<NlMessage> lossTable(String table, List<LossChain> chains) {
        LossChain.requireDistinct(chains);
        List<NlMessage> messages = new ArrayList<>();
        messages.add(newTable(TableMessage.add(NfProto.NFPROTO_NETDEV, table)));
        chains.forEach(chain -> messages.add(newChain(chain.chain(table))));
        chains.forEach(chain -> messages.add(appendRule(chain.rule(table))));
        return List.copyOf(messages);
    }

    /** NFT_MSG_GETRULE dump of the rules of one table, as {@code nft list table FAMILY TABLE} asks for them. */
    public static NlMessage dumpRules(int family, String table) {
        return NlMessage.request(NftTypes.type(NftTypes.NFT_MSG_GETRULE), NLM_F_REQUEST | NLM_F_DUMP,
                RuleMessage.dumpTable(family, table));
    }

    /** NFT_MSG_GETTABLE dump of every table of {@code family}, as {@code nft list ruleset} starts. */
    public static NlMessage dumpTables(int family) {
        return NlMessage.request(NftTypes.type(NftTypes.NFT_MSG_GETTABLE), NLM_F_REQUEST | NLM_F_DUMP,
                TableMessage.dumpAll(family));
    }

    /** NFT_MSG_GETCHAIN dump of every chain of {@code family}, as {@code nft list chains} asks for them. */
    public static NlMessage dumpChains(int family) {
        return NlMessage.request(NftTypes.type(NftTypes.NFT_MSG_GETCHAIN), NLM_F_REQUEST | NLM_F_DUMP,
                ChainMessage.dumpAll(family));
    }
}

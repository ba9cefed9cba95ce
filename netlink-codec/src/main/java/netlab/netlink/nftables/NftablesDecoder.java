package netlab.netlink.nftables;

import io.netty.buffer.ByteBuf;
import netlab.netlink.DecodePath;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlPayload;
import netlab.netlink.PayloadDecoder;

/**
 * Decodes the nf_tables payloads of NETLINK_NETFILTER: batch markers, tables, chains and rules.
 * Other nf_tables messages (sets, objects, generations) and other subsystems stay raw.
 */
public final class NftablesDecoder implements PayloadDecoder {
    public static final NftablesDecoder INSTANCE = new NftablesDecoder();

    private NftablesDecoder() {}

    @Override
    public String typeName(int type) {
        return NftTypes.name(type);
    }

    @Override
    public NlPayload decode(NlMsgHeader header, ByteBuf message, int offset, int end, DecodePath path) {
        if (header.type() == NftTypes.NFNL_MSG_BATCH_BEGIN || header.type() == NftTypes.NFNL_MSG_BATCH_END) {
            return BatchMessage.decode(message, offset, end, path);
        }
        return switch (NftTypes.message(header.type())) {
            case NftTypes.NFT_MSG_NEWTABLE, NftTypes.NFT_MSG_GETTABLE, NftTypes.NFT_MSG_DELTABLE ->
                    TableMessage.decode(message, offset, end, path);
            case NftTypes.NFT_MSG_NEWCHAIN, NftTypes.NFT_MSG_GETCHAIN, NftTypes.NFT_MSG_DELCHAIN ->
                    ChainMessage.decode(message, offset, end, path);
            case NftTypes.NFT_MSG_NEWRULE, NftTypes.NFT_MSG_GETRULE, NftTypes.NFT_MSG_DELRULE ->
                    RuleMessage.decode(message, offset, end, path);
            default -> null;
        };
    }
}

package netlab.netlink.nftables;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlmFlags;

/**
 * An nf_tables transaction: the kernel applies every message between NFNL_MSG_BATCH_BEGIN and
 * NFNL_MSG_BATCH_END, or none of them. nft sends one as a single datagram whose messages carry
 * consecutive sequence numbers, the begin marker first.
 */
public final class NftBatch {
    private NftBatch() {}

    /**
     * {@code messages} between a begin and an end marker, numbered {@code firstSequence},
     * {@code firstSequence + 1}, ... in order (the markers included), each keeping its type and
     * flags. Encode the result with {@link netlab.netlink.NetlinkCodec#encodeAll} into one datagram.
     */
    public static List<NlMessage> transaction(int firstSequence, List<NlMessage> messages) {
        List<NlMessage> batch = new ArrayList<>(messages.size() + 2);
        int sequence = firstSequence;
        batch.add(marker(NftTypes.NFNL_MSG_BATCH_BEGIN, sequence++));
        for (NlMessage message : messages) {
            NlMsgHeader header = message.header();
            batch.add(new NlMessage(new NlMsgHeader(0, header.type(), header.flags(), sequence++, header.portId()),
                    message.payload()));
        }
        batch.add(marker(NftTypes.NFNL_MSG_BATCH_END, sequence));
        return List.copyOf(batch);
    }

    private static NlMessage marker(int type, int sequence) {
        return new NlMessage(new NlMsgHeader(0, type, NlmFlags.NLM_F_REQUEST, sequence, 0), BatchMessage.nftables());
    }
}

package netlab.kernel;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlmFlags;
import netlab.netlink.RawPayload;
import netlab.netlink.nftables.NftBatch;
import netlab.netlink.nftables.NftTypes;

/**
 * Applies nf_tables changes as one transaction: begin, the changes (each asking for an ACK, so
 * a refusal names its message), end; then NFT_MSG_GETGEN as the sentinel that proves every reply
 * has arrived (see {@link NetlinkChannel#sendTransaction}). All of it applies, or none.
 */
public final class NftablesTransaction {
    private NftablesTransaction() {}

    /** Blocks until the kernel has committed the changes, or throws its refusal. */
    public static void apply(NetlinkChannel netfilter, String description, List<NlMessage> changes) {
        List<NetlinkRequest> batch = new ArrayList<>();
        for (NlMessage message : NftBatch.transaction(0, changes)) {
            boolean marker = message.type() == NftTypes.NFNL_MSG_BATCH_BEGIN
                    || message.type() == NftTypes.NFNL_MSG_BATCH_END;
            NlMsgHeader h = message.header();
            batch.add(new NetlinkRequest(description, marker ? message : new NlMessage(
                    new NlMsgHeader(0, h.type(), h.flags() | NlmFlags.NLM_F_ACK, 0, 0), message.payload())));
        }
        // nfgenmsg of AF_UNSPEC, version 0, res_id 0: "which generation is current?"
        NetlinkRequest sentinel = new NetlinkRequest(description + " (generation check)", NlMessage.request(
                NftTypes.type(NftTypes.NFT_MSG_GETGEN), NlmFlags.NLM_F_REQUEST | NlmFlags.NLM_F_ACK,
                new RawPayload(new byte[4])));
        Answers.await(netfilter.sendTransaction(batch, sentinel));
    }
}

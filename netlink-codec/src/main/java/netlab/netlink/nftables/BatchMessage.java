package netlab.netlink.nftables;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.DecodePath;
import netlab.netlink.NlPayload;
import netlab.netlink.RawAttribute;

/**
 * NFNL_MSG_BATCH_BEGIN or NFNL_MSG_BATCH_END: the markers around a transaction. The nfgenmsg's
 * res_id names the subsystem the batch is for. Newer nft versions add NFNL_BATCH_GENID (a
 * big-endian u32, the generation the batch was computed against) to the begin marker; nft 1.0.6
 * sends none.
 */
public record BatchMessage(NfGenMsg header, List<RawAttribute> attributes) implements NlPayload {
    public static final int NFNL_BATCH_GENID = 1;
    static final AttributeNames NAMES = AttributeNames.of(null, "NFNL_BATCH_GENID");

    public BatchMessage {
        attributes = List.copyOf(attributes);
    }

    /** The payload of both markers of an nf_tables batch, as nft 1.0.6 sends them. */
    public static BatchMessage nftables() {
        return new BatchMessage(new NfGenMsg(NfProto.NFPROTO_UNSPEC, NfGenMsg.NFNETLINK_V0,
                NftTypes.NFNL_SUBSYS_NFTABLES), List.of());
    }

    @Override
    public void encode(ByteBuf out) {
        header.encode(out);
        AttributeWriter writer = new AttributeWriter(out);
        attributes.forEach(attribute -> attribute.encode(writer));
    }

    static BatchMessage decode(ByteBuf message, int offset, int end, DecodePath path) {
        NfGenMsg header = NfGenMsg.decode(message, offset, end, path);
        AttributeReader reader = new AttributeReader(message, offset + NfGenMsg.SIZE, end, path, NAMES);
        List<RawAttribute> attributes = new ArrayList<>();
        while (reader.next()) {
            attributes.add(reader.raw());
        }
        return new BatchMessage(header, attributes);
    }
}

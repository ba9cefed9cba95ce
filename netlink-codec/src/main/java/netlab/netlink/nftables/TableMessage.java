package netlab.netlink.nftables;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.DecodePath;
import netlab.netlink.NlPayload;

/**
 * An nf_tables table: NFT_MSG_NEWTABLE, NFT_MSG_GETTABLE, NFT_MSG_DELTABLE. Attributes keep their
 * order, so a decoded message encodes back to the same bytes.
 */
public record TableMessage(NfGenMsg header, List<TableAttribute> attributes) implements NlPayload {
    public TableMessage {
        attributes = List.copyOf(attributes);
    }

    /** A new table, as nft sends it (flags 0 included). Equivalent to: {@code nft add table FAMILY NAME}. */
    public static TableMessage add(int family, String name) {
        return new TableMessage(NfGenMsg.of(family),
                List.of(new TableAttribute.Name(name), new TableAttribute.Flags(0)));
    }

    /** Names the table to delete. Equivalent to: {@code nft delete table FAMILY NAME}. */
    public static TableMessage delete(int family, String name) {
        return new TableMessage(NfGenMsg.of(family), List.of(new TableAttribute.Name(name)));
    }

    /** A dump request for every table of {@code family} (NFPROTO_UNSPEC: all). Equivalent to: {@code nft list tables}. */
    public static TableMessage dumpAll(int family) {
        return new TableMessage(NfGenMsg.of(family), List.of());
    }

    public Optional<String> name() {
        return attributes.stream().filter(TableAttribute.Name.class::isInstance)
                .map(a -> ((TableAttribute.Name) a).name()).findFirst();
    }

    public OptionalInt flags() {
        return attributes.stream().filter(TableAttribute.Flags.class::isInstance)
                .mapToInt(a -> ((TableAttribute.Flags) a).flags()).findFirst();
    }

    public OptionalInt use() {
        return attributes.stream().filter(TableAttribute.Use.class::isInstance)
                .mapToInt(a -> ((TableAttribute.Use) a).count()).findFirst();
    }

    public OptionalLong handle() {
        return attributes.stream().filter(TableAttribute.Handle.class::isInstance)
                .mapToLong(a -> ((TableAttribute.Handle) a).handle()).findFirst();
    }

    @Override
    public void encode(ByteBuf out) {
        header.encode(out);
        AttributeWriter writer = new AttributeWriter(out);
        attributes.forEach(attribute -> attribute.encode(writer));
    }

    static TableMessage decode(ByteBuf message, int offset, int end, DecodePath path) {
        NfGenMsg header = NfGenMsg.decode(message, offset, end, path);
        AttributeReader reader = new AttributeReader(message, offset + NfGenMsg.SIZE, end, path, TableAttribute.NAMES);
        return new TableMessage(header, TableAttribute.decode(reader));
    }
}

package netlab.netlink.nftables;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.DecodePath;
import netlab.netlink.NlPayload;

/**
 * An nf_tables rule: NFT_MSG_NEWRULE, NFT_MSG_GETRULE, NFT_MSG_DELRULE. Attributes keep their
 * order, so a decoded message encodes back to the same bytes.
 * {@link netlab.netlink.nftables.nat.SourceNatRule#appendTo} builds the rules netlab adds.
 */
public record RuleMessage(NfGenMsg header, List<RuleAttribute> attributes) implements NlPayload {
    public RuleMessage {
        attributes = List.copyOf(attributes);
    }

    /**
     * A rule appended to a chain, attributes in nft's order. Equivalent to:
     * {@code nft add rule FAMILY TABLE CHAIN EXPRESSIONS...}.
     */
    public static RuleMessage append(int family, String table, String chain, List<Expression> expressions) {
        return new RuleMessage(NfGenMsg.of(family), List.of(new RuleAttribute.Table(table),
                new RuleAttribute.Chain(chain), new RuleAttribute.Expressions(expressions, Nesting.FLAGGED)));
    }

    /** Names the rule to delete. Equivalent to: {@code nft delete rule FAMILY TABLE CHAIN handle HANDLE}. */
    public static RuleMessage delete(int family, String table, String chain, long handle) {
        return new RuleMessage(NfGenMsg.of(family), List.of(new RuleAttribute.Table(table),
                new RuleAttribute.Chain(chain), new RuleAttribute.Handle(handle)));
    }

    /**
     * A dump request for the rules of one table (the kernel filters by NFTA_RULE_TABLE). Equivalent
     * to the rule dump of: {@code nft list table FAMILY TABLE}.
     */
    public static RuleMessage dumpTable(int family, String table) {
        return new RuleMessage(NfGenMsg.of(family), List.of(new RuleAttribute.Table(table)));
    }

    public Optional<String> table() {
        return find(RuleAttribute.Table.class).map(RuleAttribute.Table::name);
    }

    public Optional<String> chain() {
        return find(RuleAttribute.Chain.class).map(RuleAttribute.Chain::name);
    }

    public OptionalLong handle() {
        return find(RuleAttribute.Handle.class).map(h -> OptionalLong.of(h.handle())).orElse(OptionalLong.empty());
    }

    /** The decoded expressions; empty when the message has none or they did not decode exactly. */
    public Optional<List<Expression>> expressions() {
        return find(RuleAttribute.Expressions.class).map(RuleAttribute.Expressions::expressions);
    }

    private <A extends RuleAttribute> Optional<A> find(Class<A> kind) {
        return attributes.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    @Override
    public void encode(ByteBuf out) {
        header.encode(out);
        AttributeWriter writer = new AttributeWriter(out);
        attributes.forEach(attribute -> attribute.encode(writer));
    }

    static RuleMessage decode(ByteBuf message, int offset, int end, DecodePath path) {
        NfGenMsg header = NfGenMsg.decode(message, offset, end, path);
        AttributeReader reader = new AttributeReader(message, offset + NfGenMsg.SIZE, end, path, RuleAttribute.NAMES);
        return new RuleMessage(header, RuleAttribute.decode(reader));
    }
}

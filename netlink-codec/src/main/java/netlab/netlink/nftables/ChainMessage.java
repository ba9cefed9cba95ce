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
 * An nf_tables chain: NFT_MSG_NEWCHAIN, NFT_MSG_GETCHAIN, NFT_MSG_DELCHAIN. Attributes keep their
 * order, so a decoded message encodes back to the same bytes.
 */
public record ChainMessage(NfGenMsg header, List<ChainAttribute> attributes) implements NlPayload {
    public ChainMessage {
        attributes = List.copyOf(attributes);
    }

    /**
     * A base chain, attributes in nft's order. Equivalent to:
     * {@code nft add chain FAMILY TABLE NAME { type TYPE hook HOOK priority PRIORITY; }}.
     */
    public static ChainMessage baseChain(int family, String table, String name, String type, ChainHook hook) {
        return new ChainMessage(NfGenMsg.of(family), List.of(new ChainAttribute.Table(table),
                new ChainAttribute.Name(name), new ChainAttribute.Type(type),
                new ChainAttribute.Hook(hook, Nesting.FLAGGED)));
    }

    /**
     * A base chain with a policy, attributes in nft's order (the policy before the hook).
     * Equivalent to: {@code nft add chain FAMILY TABLE NAME { type TYPE hook HOOK [device "DEV"]
     * priority PRIORITY; policy accept|drop; }}.
     *
     * @param policy {@link NftData#NF_ACCEPT} or {@link NftData#NF_DROP}
     */
    public static ChainMessage baseChain(int family, String table, String name, String type, ChainHook hook, int policy) {
        return new ChainMessage(NfGenMsg.of(family), List.of(new ChainAttribute.Table(table),
                new ChainAttribute.Name(name), new ChainAttribute.Type(type), new ChainAttribute.Policy(policy),
                new ChainAttribute.Hook(hook, Nesting.FLAGGED)));
    }

    /**
     * The source-NAT chain netlab puts its masquerade and snat rules in. Equivalent to:
     * {@code nft add chain FAMILY TABLE NAME { type nat hook postrouting priority srcnat; }}.
     * The same for {@code ip} and {@code ip6}: srcnat is 100 in both (NF_IP_PRI_NAT_SRC,
     * NF_IP6_PRI_NAT_SRC), as the captured chains of both families show.
     */
    public static ChainMessage natPostrouting(int family, String table, String name) {
        return baseChain(family, table, name, "nat",
                new ChainHook(ChainHook.NF_INET_POST_ROUTING, ChainHook.NF_IP_PRI_NAT_SRC));
    }

    /** Names the chain to delete. Equivalent to: {@code nft delete chain FAMILY TABLE NAME}. */
    public static ChainMessage delete(int family, String table, String name) {
        return new ChainMessage(NfGenMsg.of(family), List.of(new ChainAttribute.Table(table), new ChainAttribute.Name(name)));
    }

    /** A dump request for every chain of {@code family} (NFPROTO_UNSPEC: all). Equivalent to: {@code nft list chains}. */
    public static ChainMessage dumpAll(int family) {
        return new ChainMessage(NfGenMsg.of(family), List.of());
    }

    public Optional<String> table() {
        return find(ChainAttribute.Table.class).map(ChainAttribute.Table::name);
    }

    public Optional<String> name() {
        return find(ChainAttribute.Name.class).map(ChainAttribute.Name::name);
    }

    public Optional<String> type() {
        return find(ChainAttribute.Type.class).map(ChainAttribute.Type::type);
    }

    public Optional<ChainHook> hook() {
        return find(ChainAttribute.Hook.class).map(ChainAttribute.Hook::hook);
    }

    public OptionalInt policy() {
        return find(ChainAttribute.Policy.class).map(p -> OptionalInt.of(p.verdict())).orElse(OptionalInt.empty());
    }

    public OptionalLong handle() {
        return find(ChainAttribute.Handle.class).map(h -> OptionalLong.of(h.handle())).orElse(OptionalLong.empty());
    }

    private <A extends ChainAttribute> Optional<A> find(Class<A> kind) {
        return attributes.stream().filter(kind::isInstance).map(kind::cast).findFirst();
    }

    @Override
    public void encode(ByteBuf out) {
        header.encode(out);
        AttributeWriter writer = new AttributeWriter(out);
        attributes.forEach(attribute -> attribute.encode(writer));
    }

    static ChainMessage decode(ByteBuf message, int offset, int end, DecodePath path) {
        NfGenMsg header = NfGenMsg.decode(message, offset, end, path);
        AttributeReader reader = new AttributeReader(message, offset + NfGenMsg.SIZE, end, path, ChainAttribute.NAMES);
        return new ChainMessage(header, ChainAttribute.decode(reader));
    }
}

package netlab.netlink.nftables;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.DecodePath;

/**
 * The value an expression compares, masks or loads ({@code struct nft_data}, the
 * {@code NFTA_DATA_*} nest of {@code <linux/netfilter/nf_tables.h>}): raw bytes in network order,
 * or a verdict.
 */
public sealed interface NftData {
    int NFTA_DATA_VALUE = 1;
    int NFTA_DATA_VERDICT = 2;
    int NFTA_VERDICT_CODE = 1;
    int NFTA_VERDICT_CHAIN = 2;

    // Verdict codes: <linux/netfilter.h> NF_DROP / NF_ACCEPT, <linux/netfilter/nf_tables.h> the rest.
    int NF_DROP = 0;
    int NF_ACCEPT = 1;
    int NFT_CONTINUE = -1;
    int NFT_BREAK = -2;
    int NFT_JUMP = -3;
    int NFT_GOTO = -4;
    int NFT_RETURN = -5;

    AttributeNames NAMES = AttributeNames.of(null, "NFTA_DATA_VALUE", "NFTA_DATA_VERDICT");
    AttributeNames VERDICT_NAMES = AttributeNames.of(null, "NFTA_VERDICT_CODE", "NFTA_VERDICT_CHAIN",
            "NFTA_VERDICT_CHAIN_ID");

    /** Writes the nest {@code typeWord} (e.g. NFTA_CMP_DATA, the nested flag added here) holding this data. */
    void encode(AttributeWriter writer, int typeWord, Nesting nesting);

    /** Bytes compared with or loaded into a register, e.g. an address or a padded interface name. */
    record Value(byte[] bytes) implements NftData {
        public Value {
            bytes = bytes.clone();
        }

        public static Value of(InetAddress address) {
            return new Value(address.getAddress());
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public void encode(AttributeWriter writer, int typeWord, Nesting nesting) {
            // The value itself is binary, not a nest: libnftnl and the kernel leave it unflagged.
            writer.nested(typeWord | nesting.flag(), data -> data.bytes(NFTA_DATA_VALUE, bytes));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Value value && Arrays.equals(value.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Value[" + ByteBufUtil.hexDump(bytes) + "]";
        }
    }

    /** A verdict ({@link #NF_ACCEPT}, {@link #NFT_JUMP} to a chain, ...) loaded into the verdict register. */
    record Verdict(int code, Optional<String> chain) implements NftData {
        public static Verdict of(int code) {
            return new Verdict(code, Optional.empty());
        }

        @Override
        public void encode(AttributeWriter writer, int typeWord, Nesting nesting) {
            writer.nested(typeWord | nesting.flag(), data -> data.nested(NFTA_DATA_VERDICT | nesting.flag(), verdict -> {
                verdict.u32Big(NFTA_VERDICT_CODE, code);
                chain.ifPresent(name -> verdict.string(NFTA_VERDICT_CHAIN, name));
            }));
        }
    }

    /**
     * Reads the data nest's body leniently (the first value or verdict found); callers keep the
     * result only if it encodes back to the same bytes.
     */
    static NftData decode(byte[] body, DecodePath path) {
        AttributeReader reader = new AttributeReader(Unpooled.wrappedBuffer(body), 0, body.length, path, NAMES);
        while (reader.next()) {
            switch (reader.type()) {
                case NFTA_DATA_VALUE -> {
                    return new Value(reader.bytes());
                }
                case NFTA_DATA_VERDICT -> {
                    return decodeVerdict(reader.nested(VERDICT_NAMES), reader.path());
                }
                default -> { }
            }
        }
        throw path.fail("neither a value nor a verdict");
    }

    private static Verdict decodeVerdict(AttributeReader reader, DecodePath path) {
        Integer code = null;
        String chain = null;
        while (reader.next()) {
            switch (reader.type()) {
                case NFTA_VERDICT_CODE -> code = reader.u32Big();
                case NFTA_VERDICT_CHAIN -> chain = reader.string();
                default -> { }
            }
        }
        if (code == null) {
            throw path.fail("verdict without NFTA_VERDICT_CODE");
        }
        return new Verdict(code, Optional.ofNullable(chain));
    }
}

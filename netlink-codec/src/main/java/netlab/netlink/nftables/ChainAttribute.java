package netlab.netlink.nftables;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.NlAttr;
import netlab.netlink.RawAttribute;

/**
 * The attributes of a chain message ({@code NFTA_CHAIN_*} in {@code <linux/netfilter/nf_tables.h>}).
 * All numbers are big-endian. A value not in the modelled shape stays {@link Other}.
 */
public sealed interface ChainAttribute {
    int NFTA_CHAIN_TABLE = 1;
    int NFTA_CHAIN_HANDLE = 2;
    int NFTA_CHAIN_NAME = 3;
    int NFTA_CHAIN_HOOK = 4;
    int NFTA_CHAIN_POLICY = 5;
    int NFTA_CHAIN_USE = 6;
    int NFTA_CHAIN_TYPE = 7;
    int NFTA_CHAIN_COUNTERS = 8;
    int NFTA_CHAIN_PAD = 9;
    int NFTA_CHAIN_FLAGS = 10;

    /** NFTA_CHAIN_FLAGS bit of a chain attached to a hook. */
    int NFT_CHAIN_BASE = 1;

    AttributeNames NAMES = AttributeNames.of(null, "NFTA_CHAIN_TABLE", "NFTA_CHAIN_HANDLE", "NFTA_CHAIN_NAME",
            "NFTA_CHAIN_HOOK", "NFTA_CHAIN_POLICY", "NFTA_CHAIN_USE", "NFTA_CHAIN_TYPE", "NFTA_CHAIN_COUNTERS",
            "NFTA_CHAIN_PAD", "NFTA_CHAIN_FLAGS", "NFTA_CHAIN_ID", "NFTA_CHAIN_USERDATA");

    void encode(AttributeWriter writer);

    record Table(String name) implements ChainAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.string(NFTA_CHAIN_TABLE, name);
        }
    }

    record Handle(long handle) implements ChainAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u64Big(NFTA_CHAIN_HANDLE, handle);
        }
    }

    record Name(String name) implements ChainAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.string(NFTA_CHAIN_NAME, name);
        }
    }

    /** NFTA_CHAIN_HOOK: the netfilter hook of a base chain. See {@link ChainHook}. */
    record Hook(ChainHook hook, Nesting nesting) implements ChainAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            hook.encode(writer, NFTA_CHAIN_HOOK | nesting.flag());
        }
    }

    /** The verdict for packets no rule decided: NF_ACCEPT (1) or NF_DROP (0). */
    record Policy(int verdict) implements ChainAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Big(NFTA_CHAIN_POLICY, verdict);
        }
    }

    /** How many rules and jumps refer to the chain (dumps only). */
    record Use(int count) implements ChainAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Big(NFTA_CHAIN_USE, count);
        }
    }

    /** The chain type: "filter", "nat" or "route". */
    record Type(String type) implements ChainAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.string(NFTA_CHAIN_TYPE, type);
        }
    }

    /** NFT_CHAIN_* bits, e.g. {@link #NFT_CHAIN_BASE}. */
    record Flags(int flags) implements ChainAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Big(NFTA_CHAIN_FLAGS, flags);
        }
    }

    record Other(RawAttribute raw) implements ChainAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    static List<ChainAttribute> decode(AttributeReader reader) {
        List<ChainAttribute> attributes = new ArrayList<>();
        while (reader.next()) {
            ChainAttribute attribute = switch (reader.typeWord()) {
                case NFTA_CHAIN_TABLE -> reader.isCanonicalString() ? new Table(reader.string()) : null;
                case NFTA_CHAIN_HANDLE -> reader.length() == 8 ? new Handle(reader.u64Big()) : null;
                case NFTA_CHAIN_NAME -> reader.isCanonicalString() ? new Name(reader.string()) : null;
                case NFTA_CHAIN_HOOK, NFTA_CHAIN_HOOK | NlAttr.NLA_F_NESTED -> Exact.typedOrNull(reader,
                        () -> new Hook(ChainHook.decode(reader.nested(ChainHook.NAMES), reader.path()),
                                Nesting.of(reader.typeWord())),
                        Hook::encode);
                case NFTA_CHAIN_POLICY -> reader.length() == 4 ? new Policy(reader.u32Big()) : null;
                case NFTA_CHAIN_USE -> reader.length() == 4 ? new Use(reader.u32Big()) : null;
                case NFTA_CHAIN_TYPE -> reader.isCanonicalString() ? new Type(reader.string()) : null;
                case NFTA_CHAIN_FLAGS -> reader.length() == 4 ? new Flags(reader.u32Big()) : null;
                default -> null;
            };
            attributes.add(attribute != null ? attribute : new Other(reader.raw()));
        }
        return List.copyOf(attributes);
    }
}

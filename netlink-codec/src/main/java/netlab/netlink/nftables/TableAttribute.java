package netlab.netlink.nftables;

import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.RawAttribute;

/**
 * The attributes of a table message ({@code NFTA_TABLE_*} in {@code <linux/netfilter/nf_tables.h>}).
 * All numbers are big-endian. A value not in the modelled shape stays {@link Other}.
 */
public sealed interface TableAttribute {
    int NFTA_TABLE_NAME = 1;
    int NFTA_TABLE_FLAGS = 2;
    int NFTA_TABLE_USE = 3;
    int NFTA_TABLE_HANDLE = 4;
    int NFTA_TABLE_PAD = 5;
    int NFTA_TABLE_USERDATA = 6;
    int NFTA_TABLE_OWNER = 7;

    int NFT_TABLE_F_DORMANT = 0x1;
    int NFT_TABLE_F_OWNER = 0x2;

    AttributeNames NAMES = AttributeNames.of(null, "NFTA_TABLE_NAME", "NFTA_TABLE_FLAGS", "NFTA_TABLE_USE",
            "NFTA_TABLE_HANDLE", "NFTA_TABLE_PAD", "NFTA_TABLE_USERDATA", "NFTA_TABLE_OWNER");

    void encode(AttributeWriter writer);

    record Name(String name) implements TableAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.string(NFTA_TABLE_NAME, name);
        }
    }

    /** NFT_TABLE_F_* bits. */
    record Flags(int flags) implements TableAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Big(NFTA_TABLE_FLAGS, flags);
        }
    }

    /** How many chains, sets and objects the table holds (dumps only). */
    record Use(int count) implements TableAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Big(NFTA_TABLE_USE, count);
        }
    }

    /** The kernel-assigned handle. */
    record Handle(long handle) implements TableAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u64Big(NFTA_TABLE_HANDLE, handle);
        }
    }

    /** Opaque bytes for the user (nft keeps comments here). */
    record Userdata(byte[] bytes) implements TableAttribute {
        public Userdata {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public void encode(AttributeWriter writer) {
            writer.bytes(NFTA_TABLE_USERDATA, bytes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Userdata userdata && Arrays.equals(userdata.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Userdata[" + ByteBufUtil.hexDump(bytes) + "]";
        }
    }

    record Other(RawAttribute raw) implements TableAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    static List<TableAttribute> decode(AttributeReader reader) {
        List<TableAttribute> attributes = new ArrayList<>();
        while (reader.next()) {
            attributes.add(switch (reader.typeWord()) {
                case NFTA_TABLE_NAME -> reader.isCanonicalString() ? new Name(reader.string()) : other(reader);
                case NFTA_TABLE_FLAGS -> reader.length() == 4 ? new Flags(reader.u32Big()) : other(reader);
                case NFTA_TABLE_USE -> reader.length() == 4 ? new Use(reader.u32Big()) : other(reader);
                case NFTA_TABLE_HANDLE -> reader.length() == 8 ? new Handle(reader.u64Big()) : other(reader);
                case NFTA_TABLE_USERDATA -> new Userdata(reader.bytes());
                default -> other(reader);
            });
        }
        return List.copyOf(attributes);
    }

    private static Other other(AttributeReader reader) {
        return new Other(reader.raw());
    }
}

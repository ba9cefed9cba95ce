package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.HostOrder;
import netlab.netlink.RawAttribute;

/**
 * The attributes of an address message ({@code IFA_*} in {@code <linux/if_addr.h>}). A value not
 * in the modelled shape (an address of 5 bytes, a label without its NUL) stays {@link Other}, so
 * decode then encode is byte-identical.
 */
public sealed interface AddressAttribute {
    int IFA_ADDRESS = 1;
    int IFA_LOCAL = 2;
    int IFA_LABEL = 3;
    int IFA_BROADCAST = 4;
    int IFA_ANYCAST = 5;
    int IFA_CACHEINFO = 6;
    int IFA_MULTICAST = 7;
    int IFA_FLAGS = 8;
    int IFA_RT_PRIORITY = 9;
    int IFA_TARGET_NETNSID = 10;
    int IFA_PROTO = 11;

    AttributeNames NAMES = AttributeNames.of(null, "IFA_ADDRESS", "IFA_LOCAL", "IFA_LABEL", "IFA_BROADCAST",
            "IFA_ANYCAST", "IFA_CACHEINFO", "IFA_MULTICAST", "IFA_FLAGS", "IFA_RT_PRIORITY", "IFA_TARGET_NETNSID",
            "IFA_PROTO");

    void encode(AttributeWriter writer);

    /**
     * IFA_ADDRESS: the prefix address; on a point-to-point link the peer's address
     * ({@code <linux/if_addr.h>}). iproute2 sends it equal to IFA_LOCAL otherwise.
     */
    record Address(InetAddress address) implements AddressAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.address(IFA_ADDRESS, address);
        }
    }

    /** IFA_LOCAL: the interface's own address. */
    record Local(InetAddress address) implements AddressAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.address(IFA_LOCAL, address);
        }
    }

    /** IFA_LABEL: the IPv4 label, the interface name or an alias of it such as {@code eth0:1}. */
    record Label(String label) implements AddressAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.string(IFA_LABEL, label);
        }
    }

    /** IFA_BROADCAST: the IPv4 broadcast address. */
    record Broadcast(InetAddress address) implements AddressAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.address(IFA_BROADCAST, address);
        }
    }

    /** IFA_FLAGS: all IFA_F_* bits as a u32 (ifa_flags holds only the low 8). */
    record Flags(int flags) implements AddressAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFA_FLAGS, flags);
        }
    }

    /**
     * IFA_CACHEINFO, {@code struct ifa_cacheinfo}: lifetimes in seconds (0xffffffff is forever)
     * and the created / updated times in hundredths of a second since boot.
     */
    record CacheInfo(int preferredLifetime, int validLifetime, int created, int updated) implements AddressAttribute {
        static final int SIZE = 16;

        @Override
        public void encode(AttributeWriter writer) {
            ByteBuf value = Unpooled.buffer(SIZE);
            HostOrder.writeInt(value, preferredLifetime);
            HostOrder.writeInt(value, validLifetime);
            HostOrder.writeInt(value, created);
            HostOrder.writeInt(value, updated);
            writer.bytes(IFA_CACHEINFO, ByteBufUtil.getBytes(value));
        }

        static CacheInfo read(AttributeReader reader) {
            ByteBuf value = reader.valueSlice();
            return new CacheInfo(HostOrder.getInt(value, 0), HostOrder.getInt(value, 4),
                    HostOrder.getInt(value, 8), HostOrder.getInt(value, 12));
        }
    }

    /** IFA_RT_PRIORITY: the metric of the prefix route the kernel adds for the address. */
    record RoutePriority(int metric) implements AddressAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(IFA_RT_PRIORITY, metric);
        }
    }

    /** IFA_PROTO: who added the address (IFAPROT_* value, e.g. {@link #IFAPROT_KERNEL_LL}). */
    record Protocol(int protocol) implements AddressAttribute {
        public static final int IFAPROT_UNSPEC = 0;
        public static final int IFAPROT_KERNEL_LO = 1;
        public static final int IFAPROT_KERNEL_RA = 2;
        public static final int IFAPROT_KERNEL_LL = 3;

        @Override
        public void encode(AttributeWriter writer) {
            writer.u8(IFA_PROTO, protocol);
        }
    }

    record Other(RawAttribute raw) implements AddressAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    static List<AddressAttribute> decode(AttributeReader reader) {
        List<AddressAttribute> attributes = new ArrayList<>();
        while (reader.next()) {
            attributes.add(switch (reader.typeWord()) {
                case IFA_ADDRESS -> reader.isInetAddress() ? new Address(reader.inetAddress()) : other(reader);
                case IFA_LOCAL -> reader.isInetAddress() ? new Local(reader.inetAddress()) : other(reader);
                case IFA_LABEL -> reader.isCanonicalString() ? new Label(reader.string()) : other(reader);
                case IFA_BROADCAST -> reader.isInetAddress() ? new Broadcast(reader.inetAddress()) : other(reader);
                case IFA_FLAGS -> reader.length() == 4 ? new Flags(reader.u32Host()) : other(reader);
                case IFA_CACHEINFO -> reader.length() == CacheInfo.SIZE ? CacheInfo.read(reader) : other(reader);
                case IFA_RT_PRIORITY -> reader.length() == 4 ? new RoutePriority(reader.u32Host()) : other(reader);
                case IFA_PROTO -> reader.length() == 1 ? new Protocol(reader.u8()) : other(reader);
                default -> other(reader);
            });
        }
        return List.copyOf(attributes);
    }

    private static Other other(AttributeReader reader) {
        return new Other(reader.raw());
    }
}

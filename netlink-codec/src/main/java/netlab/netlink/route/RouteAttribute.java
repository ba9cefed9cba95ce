package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.HostOrder;
import netlab.netlink.NlAttr;
import netlab.netlink.RawAttribute;

/**
 * The attributes of a route message ({@code RTA_*} in {@code <linux/rtnetlink.h>}). RTA_CACHEINFO,
 * RTA_VIA, RTA_MULTIPATH and everything else not modelled stay {@link Other}, as does a value not
 * in the modelled shape, so decode then encode is byte-identical.
 */
public sealed interface RouteAttribute {
    int RTA_DST = 1;
    int RTA_SRC = 2;
    int RTA_IIF = 3;
    int RTA_OIF = 4;
    int RTA_GATEWAY = 5;
    int RTA_PRIORITY = 6;
    int RTA_PREFSRC = 7;
    int RTA_METRICS = 8;
    int RTA_MULTIPATH = 9;
    int RTA_CACHEINFO = 12;
    int RTA_TABLE = 15;
    int RTA_VIA = 18;
    int RTA_PREF = 20;

    AttributeNames NAMES = AttributeNames.of(null, "RTA_DST", "RTA_SRC", "RTA_IIF", "RTA_OIF", "RTA_GATEWAY",
            "RTA_PRIORITY", "RTA_PREFSRC", "RTA_METRICS", "RTA_MULTIPATH", "RTA_PROTOINFO", "RTA_FLOW",
            "RTA_CACHEINFO", "RTA_SESSION", "RTA_MP_ALGO", "RTA_TABLE", "RTA_MARK", "RTA_MFC_STATS", "RTA_VIA",
            "RTA_NEWDST", "RTA_PREF", "RTA_ENCAP_TYPE", "RTA_ENCAP", "RTA_EXPIRES", "RTA_PAD", "RTA_UID",
            "RTA_TTL_PROPAGATE", "RTA_IP_PROTO", "RTA_SPORT", "RTA_DPORT", "RTA_NH_ID");

    void encode(AttributeWriter writer);

    /** RTA_DST: the destination prefix (its length is rtm_dst_len). */
    record Destination(InetAddress address) implements RouteAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.address(RTA_DST, address);
        }
    }

    /** RTA_OIF: the output interface. */
    record OutputInterface(int ifindex) implements RouteAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(RTA_OIF, ifindex);
        }
    }

    /** RTA_GATEWAY: the next hop, of the route's own family. */
    record Gateway(InetAddress address) implements RouteAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.address(RTA_GATEWAY, address);
        }
    }

    /** RTA_PRIORITY: the metric ({@code ip route ... metric N}); lower wins. */
    record Priority(int metric) implements RouteAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(RTA_PRIORITY, metric);
        }
    }

    /** RTA_PREFSRC: the source address preferred for traffic on this route ({@code src}). */
    record PreferredSource(InetAddress address) implements RouteAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.address(RTA_PREFSRC, address);
        }
    }

    /** RTA_TABLE: the full 32-bit table id (rtm_table holds only ids below 256). */
    record Table(int table) implements RouteAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u32Host(RTA_TABLE, table);
        }
    }

    /** RTA_PREF: IPv6 router preference, ICMPV6_ROUTER_PREF_* ({@code <linux/icmpv6.h>}). */
    record Preference(int preference) implements RouteAttribute {
        public static final int ICMPV6_ROUTER_PREF_MEDIUM = 0;
        public static final int ICMPV6_ROUTER_PREF_HIGH = 1;
        public static final int ICMPV6_ROUTER_PREF_LOW = 3;

        @Override
        public void encode(AttributeWriter writer) {
            writer.u8(RTA_PREF, preference);
        }
    }

    /**
     * RTA_METRICS: RTAX_* attributes, kept raw. The kernel nests them without NLA_F_NESTED, and so
     * does this record; a flagged nest stays {@link Other}.
     */
    record Metrics(List<RawAttribute> metrics) implements RouteAttribute {
        public static final int RTAX_LOCK = 1;
        public static final int RTAX_MTU = 2;
        public static final int RTAX_ADVMSS = 8;
        public static final int RTAX_HOPLIMIT = 10;

        static final AttributeNames NAMES = AttributeNames.of(null, "RTAX_LOCK", "RTAX_MTU", "RTAX_WINDOW",
                "RTAX_RTT", "RTAX_RTTVAR", "RTAX_SSTHRESH", "RTAX_CWND", "RTAX_ADVMSS", "RTAX_REORDERING",
                "RTAX_HOPLIMIT", "RTAX_INITCWND", "RTAX_FEATURES", "RTAX_RTO_MIN", "RTAX_INITRWND", "RTAX_QUICKACK",
                "RTAX_CC_ALGO", "RTAX_FASTOPEN_NO_COOKIE");

        public Metrics {
            metrics = List.copyOf(metrics);
        }

        /** The u32 value of RTAX_* {@code type}, if present in that shape. */
        public Optional<Integer> u32(int type) {
            return metrics.stream().filter(m -> m.typeWord() == type && m.value().length == 4)
                    .map(m -> HostOrder.getInt(Unpooled.wrappedBuffer(m.value()), 0)).findFirst();
        }

        @Override
        public void encode(AttributeWriter writer) {
            writer.nested(RTA_METRICS, nested -> metrics.forEach(metric -> metric.encode(nested)));
        }

        static boolean isCanonicalNest(AttributeReader reader) {
            // Re-encoding pads every inner attribute with zeros, so only that form is decoded.
            ByteBuf value = reader.valueSlice();
            int offset = 0;
            while (offset < value.capacity()) {
                if (value.capacity() - offset < NlAttr.HEADER_SIZE) {
                    return false;
                }
                int length = HostOrder.getUnsignedShort(value, offset);
                int next = offset + NlAttr.align(length);
                if (length < NlAttr.HEADER_SIZE || next > value.capacity()) {
                    return false;
                }
                for (int pad = offset + length; pad < next; pad++) {
                    if (value.getByte(pad) != 0) {
                        return false;
                    }
                }
                offset = next;
            }
            return true;
        }

        static Metrics read(AttributeReader reader) {
            List<RawAttribute> metrics = new ArrayList<>();
            AttributeReader nested = reader.nested(NAMES);
            while (nested.next()) {
                metrics.add(nested.raw());
            }
            return new Metrics(metrics);
        }
    }

    record Other(RawAttribute raw) implements RouteAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    static List<RouteAttribute> decode(AttributeReader reader) {
        List<RouteAttribute> attributes = new ArrayList<>();
        while (reader.next()) {
            attributes.add(switch (reader.typeWord()) {
                case RTA_DST -> reader.isInetAddress() ? new Destination(reader.inetAddress()) : other(reader);
                case RTA_OIF -> reader.length() == 4 ? new OutputInterface(reader.u32Host()) : other(reader);
                case RTA_GATEWAY -> reader.isInetAddress() ? new Gateway(reader.inetAddress()) : other(reader);
                case RTA_PRIORITY -> reader.length() == 4 ? new Priority(reader.u32Host()) : other(reader);
                case RTA_PREFSRC -> reader.isInetAddress() ? new PreferredSource(reader.inetAddress()) : other(reader);
                case RTA_TABLE -> reader.length() == 4 ? new Table(reader.u32Host()) : other(reader);
                case RTA_PREF -> reader.length() == 1 ? new Preference(reader.u8()) : other(reader);
                case RTA_METRICS -> Metrics.isCanonicalNest(reader) ? Metrics.read(reader) : other(reader);
                default -> other(reader);
            });
        }
        return List.copyOf(attributes);
    }

    private static Other other(AttributeReader reader) {
        return new Other(reader.raw());
    }
}

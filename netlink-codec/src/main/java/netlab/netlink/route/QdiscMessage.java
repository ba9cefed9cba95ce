package netlab.netlink.route;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;
import netlab.netlink.AttributeReader;
import netlab.netlink.Attributes;
import netlab.netlink.AttributeWriter;
import netlab.netlink.DecodePath;
import netlab.netlink.NlPayload;

/**
 * A queueing discipline: RTM_NEWQDISC, RTM_DELQDISC, RTM_GETQDISC. Attributes keep their order,
 * so a decoded message encodes back to the same bytes.
 */
public record QdiscMessage(TcMsg header, List<QdiscAttribute> attributes) implements NlPayload {
    public QdiscMessage {
        attributes = List.copyOf(attributes);
    }

    /**
     * {@code options} as the root qdisc of {@code ifindex}, its handle left to the kernel. Equivalent
     * to: {@code tc qdisc add dev IFINDEX root KIND OPTIONS} (send it as RTM_NEWQDISC).
     */
    public static QdiscMessage root(int ifindex, QdiscOptions options) {
        return new QdiscMessage(TcMsg.root(ifindex),
                List.of(new QdiscAttribute.Kind(options.kind()), new QdiscAttribute.Options(options)));
    }

    /**
     * The root qdisc of {@code ifindex}, whatever its kind (send it as RTM_DELQDISC). Equivalent to:
     * {@code tc qdisc del dev IFINDEX root}.
     */
    public static QdiscMessage deleteRoot(int ifindex) {
        return new QdiscMessage(TcMsg.root(ifindex), List.of());
    }

    /**
     * A dump request for every qdisc of every device (send it as RTM_GETQDISC with NLM_F_DUMP).
     * Equivalent to: {@code tc qdisc show}.
     */
    public static QdiscMessage dumpAll() {
        return new QdiscMessage(new TcMsg(RtFamily.AF_UNSPEC, 0, 0, 0, 0), List.of());
    }

    public Optional<String> kind() {
        return Attributes.first(attributes, QdiscAttribute.Kind.class).map(QdiscAttribute.Kind::kind);
    }

    /** The options of a kind in {@link QdiscOptions}; empty for other kinds and for none. */
    public Optional<QdiscOptions> options() {
        return Attributes.first(attributes, QdiscAttribute.Options.class).map(QdiscAttribute.Options::options);
    }

    /** True for a device's root qdisc (egress), as opposed to one under a class or ingress. */
    public boolean isRoot() {
        return header.parent() == TcMsg.TC_H_ROOT;
    }

    @Override
    public void encode(ByteBuf out) {
        header.encode(out);
        AttributeWriter writer = new AttributeWriter(out);
        attributes.forEach(attribute -> attribute.encode(writer));
    }

    static QdiscMessage decode(ByteBuf message, int offset, int end, DecodePath path) {
        TcMsg header = TcMsg.decode(message, offset, end, path);
        AttributeReader reader = new AttributeReader(message, offset + TcMsg.SIZE, end, path, QdiscAttribute.NAMES);
        return new QdiscMessage(header, QdiscAttribute.decode(reader));
    }
}

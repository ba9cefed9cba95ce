package netlab.netlink;

import io.netty.buffer.ByteBufUtil;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Renders decoded messages readably: the envelope on one line, then one line per attribute,
 * nested attributes indented. Works on any record-shaped payload, so new families print without
 * extra code. Used by tests and by {@code --trace-netlink}.
 */
public final class NetlinkPrinter {
    private static final String INDENT = "  ";

    private NetlinkPrinter() {}

    public static String print(NlMessage message, PayloadDecoder family) {
        NlMsgHeader h = message.header();
        StringBuilder out = new StringBuilder();
        out.append(NetlinkCodec.typeName(h.type(), family))
                .append(String.format(" len=%d flags=0x%x seq=%d port=%d%n", h.length(), h.flags(),
                        Integer.toUnsignedLong(h.sequence()), Integer.toUnsignedLong(h.portId())));
        value(out, message.payload(), 1);
        return out.toString();
    }

    public static String print(List<NlMessage> messages, PayloadDecoder family) {
        StringBuilder out = new StringBuilder();
        messages.forEach(message -> out.append(print(message, family)));
        return out.toString();
    }

    private static void value(StringBuilder out, Object value, int depth) {
        if (value instanceof Record record && !isLeaf(record)) {
            line(out, depth, record.getClass().getSimpleName() + leafComponents(record));
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object child = read(component, record);
                if (!isSimple(child)) {
                    if (child instanceof Collection<?> items) {
                        line(out, depth + 1, component.getName() + ":");
                        items.forEach(item -> value(out, item, depth + 2));
                    } else {
                        value(out, child, depth + 1);
                    }
                }
            }
        } else {
            line(out, depth, leafText(value));
        }
    }

    /** A record whose components are all simple values prints on one line. */
    private static boolean isLeaf(Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (!isSimple(read(component, record))) {
                return false;
            }
        }
        return true;
    }

    private static String leafComponents(Record record) {
        StringBuilder text = new StringBuilder();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object child = read(component, record);
            if (isSimple(child)) {
                text.append(' ').append(component.getName()).append('=').append(simple(child));
            }
        }
        return text.toString();
    }

    private static String leafText(Object value) {
        if (value instanceof Record record) {
            return record.getClass().getSimpleName() + leafComponents(record);
        }
        return simple(value);
    }

    private static boolean isSimple(Object value) {
        return value == null || value instanceof Number || value instanceof CharSequence
                || value instanceof Boolean || value instanceof Enum<?> || value instanceof byte[]
                || value instanceof int[]
                || value instanceof InetAddress || value instanceof MacAddress
                || value instanceof RawAttribute || value instanceof NlMsgHeader
                || value instanceof OptionalInt || value instanceof OptionalLong
                || (value instanceof Optional<?> optional && (optional.isEmpty() || isSimple(optional.get())))
                || (value instanceof Collection<?> items && items.isEmpty());
    }

    private static String simple(Object value) {
        return switch (value) {
            case null -> "-";
            case byte[] bytes -> ByteBufUtil.hexDump(bytes);
            case int[] numbers -> Arrays.toString(numbers);
            case InetAddress address -> address.getHostAddress();
            case CharSequence text -> "\"" + text + "\"";
            case Optional<?> optional -> optional.map(NetlinkPrinter::simple).orElse("-");
            case Collection<?> items -> "[]";
            default -> value.toString();
        };
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static void line(StringBuilder out, int depth, String text) {
        out.append(INDENT.repeat(depth)).append(text).append(System.lineSeparator());
    }
}

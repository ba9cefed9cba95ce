package netlab.kernel;

import java.util.function.Consumer;
import netlab.netlink.NetlinkPrinter;
import netlab.netlink.NlMessage;
import netlab.netlink.PayloadDecoder;

/**
 * Where {@code --trace-netlink} sends every message netlab writes and reads, rendered by the
 * codec's printer. Off unless a sink is set; one check per message when off.
 */
public final class NetlinkTrace {
    private static volatile Consumer<String> sink;

    private NetlinkTrace() {}

    public static void to(Consumer<String> destination) {
        sink = destination;
    }

    static boolean on() {
        return sink != null;
    }

    static void sent(NlMessage message, PayloadDecoder decoder, int portId) {
        emit("> sent on port " + Integer.toUnsignedString(portId), message, decoder);
    }

    static void received(NlMessage message, PayloadDecoder decoder, int portId) {
        emit("< received on port " + Integer.toUnsignedString(portId), message, decoder);
    }

    private static void emit(String direction, NlMessage message, PayloadDecoder decoder) {
        Consumer<String> destination = sink;
        if (destination != null) {
            destination.accept(direction + "\n" + NetlinkPrinter.print(message, decoder));
        }
    }
}

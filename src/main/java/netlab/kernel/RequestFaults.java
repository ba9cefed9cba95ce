package netlab.kernel;

import java.util.concurrent.atomic.AtomicInteger;
import netlab.netlink.NlMessage;
import netlab.netlink.NlMsgHeader;
import netlab.netlink.NlmFlags;

/**
 * Test hooks at the finest grain netlab has: the netlink messages it sends that ask for a change
 * (not dumps, whose number depends on timing: how often up polls for its links, say), counted
 * from 1 over every channel of the process. Users never set them (README, Safety, says what each
 * can do):
 * <ul>
 * <li>{@code NETLAB_TEST_KILL_AFTER_MESSAGE=K}: once the datagram holding message K is written,
 * the process stops at once, without running any of its own clean-up, as {@code kill -9} would
 * stop it: the kernel has the message, netlab's record is as it was before the message.
 * <li>{@code NETLAB_TEST_REFUSE_MESSAGE=K}: message K is sent with a message type the kernel does
 * not know, so the kernel refuses it (EOPNOTSUPP) where it stands, in the middle of a batch whose
 * other requests it carries out.
 * </ul>
 * Neither can make netlab touch anything it would not: one stops it, the other makes the kernel
 * refuse one of its requests. Without them this costs a counter per message.
 */
final class RequestFaults {
    /** An rtnetlink and nfnetlink type with no handler: past RTM_MAX, and nfnetlink's subsystem 0xff. */
    static final int UNKNOWN_TYPE = 0xfff0;
    private static final int KILL_AFTER = setting("NETLAB_TEST_KILL_AFTER_MESSAGE");
    private static final int REFUSE = setting("NETLAB_TEST_REFUSE_MESSAGE");
    private static final AtomicInteger SENT = new AtomicInteger();

    private RequestFaults() {}

    /** Counts {@code message} as about to be sent; returns it, or the refused form of message K. */
    static NlMessage sending(NlMessage message) {
        if (message.hasFlags(NlmFlags.NLM_F_DUMP)) {
            return message;
        }
        int count = SENT.incrementAndGet();
        if (count != REFUSE) {
            return message;
        }
        NlMsgHeader h = message.header();
        return new NlMessage(new NlMsgHeader(h.length(), UNKNOWN_TYPE, h.flags(), h.sequence(), h.portId()),
                message.payload());
    }

    /** A datagram was written: stop here if it held message K. */
    static void written() {
        if (KILL_AFTER > 0 && SENT.get() >= KILL_AFTER) {
            Runtime.getRuntime().halt(137); // no shutdown hooks, no finally blocks: as SIGKILL
        }
    }

    private static int setting(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        return Integer.parseInt(value.strip());
    }
}

package netlab.kernel;

import netlab.netlink.NlMessage;
import netlab.netlink.NlmFlags;

/**
 * One request to the kernel and the words that describe it to a user ("create bridge br0 in
 * the host namespace"), which every failure repeats.
 */
public record NetlinkRequest(String description, NlMessage message) {
    public boolean isDump() {
        return (message.flags() & NlmFlags.NLM_F_DUMP) == NlmFlags.NLM_F_DUMP;
    }
}

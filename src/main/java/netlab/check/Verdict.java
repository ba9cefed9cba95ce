package netlab.check;

import java.time.Duration;
import netlab.kernel.probe.ProbeResult;
import netlab.topology.Expectation;

/**
 * What checking one expectation found.
 *
 * @param expectation the statement checked
 * @param passed whether the lab did what it says
 * @param seen what was seen, in the words a report prints: {@code reply with ttl 63 in 0.4 ms},
 *     {@code no reply within 1s}, and on failure what was expected as well ({@code reply with ttl
 *     63, expected 62}; {@code seen as 172.31.37.209, expected 198.51.100.10})
 * @param result what the probe saw, for reports that give the details
 */
public record Verdict(Expectation expectation, boolean passed, String seen, ProbeResult result) {
    /** How long the check of this expectation took: until the reply, or all of its time. */
    public Duration took() {
        return result.reply().map(ProbeResult.Reply::roundTrip).orElse(expectation.within());
    }
}

package netlab.plan;

/**
 * One interface's loss, in its node's loss table: a chain on the interface's egress that drops
 * {@code hundredthsOfPercent} packets in 10000, at random ({@code numgen random mod 10000 < N drop}).
 */
public record LossRule(String interfaceName, int hundredthsOfPercent) {
    public LossRule {
        if (hundredthsOfPercent < 1 || hundredthsOfPercent > 10_000) {
            throw new IllegalArgumentException("a loss is 1..10000 hundredths of a percent, not " + hundredthsOfPercent);
        }
    }
}

package netlab.plan;

import java.util.List;

/** The ordered operations that bring a lab up. */
public record Plan(String lab, List<Operation> operations) {
    public Plan {
        operations = List.copyOf(operations);
    }

    /**
     * The nf_tables tables netlab owns for lab {@code lab} in each namespace with NAT rules (families
     * ip, ip6) or lossy interfaces (family netdev).
     */
    public static String tableName(String lab) {
        return "netlab-" + lab;
    }
}

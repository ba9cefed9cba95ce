package netlab.plan;

import java.util.List;

/** The ordered operations that bring a lab up. */
public record Plan(String lab, List<Operation> operations) {
    public Plan {
        operations = List.copyOf(operations);
    }

    /** The nf_tables table netlab owns for lab {@code lab} in each namespace with NAT rules. */
    public static String tableName(String lab) {
        return "netlab-" + lab;
    }
}

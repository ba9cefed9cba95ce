package netlab.plan;

import java.util.List;
import java.util.stream.Collectors;

/** The ordered operations that bring a lab up, and their stable text for {@code netlab plan}. */
public record Plan(String lab, List<Operation> operations) {
    public Plan {
        operations = List.copyOf(operations);
    }

    /** One line per operation, each the equivalent ip/nft command, in execution order. */
    public String render() {
        return operations.stream().map(Operation::render).collect(Collectors.joining("\n", "", "\n"));
    }

    /** The nf_tables table netlab owns for lab {@code lab} in each namespace with NAT rules. */
    public static String tableName(String lab) {
        return "netlab-" + lab;
    }
}

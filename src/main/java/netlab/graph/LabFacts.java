package netlab.graph;

import java.util.List;

/**
 * What a picture says about each node beyond the file's shape: the addresses on an interface and
 * the NAT rules. From the file they are the plan's; from a running lab the kernel's, so a lab
 * changed by hand shows the change.
 */
interface LabFacts {
    /** The addresses to print for {@code node}'s interface, as CIDRs; "(missing)" for one the kernel lacks. */
    List<String> addresses(String node, String interfaceName);

    /** The node's NAT rules, one line each. */
    List<String> nat(String node);

    /** Interfaces the node has beyond the file's, one line each ("dummy0 10.9.0.1/24"). */
    List<String> others(String node);

    /** The interface's impairment in the file's words ("impair rate 2mbit"), or nothing. */
    List<String> impairment(String node, String interfaceName);
}

package netlab.executor;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import netlab.plan.Operation;
import netlab.plan.Plan;
import netlab.topology.Addresses;

/**
 * What a lab's plan makes, in the terms {@code show} compares the kernel with: which links,
 * addresses and permanent neighbours are the lab's (anything else in its namespaces was made by
 * hand since up), and which sysctls it set to what. Built from the plan of the lab's file, since
 * the record keeps only what {@code down} needs.
 */
public final class PlannedState {
    private final Set<String> links = new HashSet<>();
    private final Set<String> addresses = new HashSet<>();
    private final Set<String> neighbours = new HashSet<>();
    private final Set<String> kernelLinkLocals = new HashSet<>();
    private final Map<String, Map<String, String>> sysctls = new LinkedHashMap<>();

    private PlannedState() {}

    public static PlannedState of(Plan plan) {
        PlannedState planned = new PlannedState();
        Set<String> noLinkLocal = new HashSet<>();
        for (Operation operation : plan.operations()) {
            switch (operation) {
                case Operation.CreateBridge bridge -> planned.links.add(key(bridge.node(), bridge.name()));
                case Operation.CreateVeth veth -> {
                    planned.links.add(key(veth.node(), veth.name()));
                    planned.links.add(key(veth.peerNode(), veth.peerName()));
                }
                case Operation.CreateMacvlan macvlan -> planned.links.add(key(macvlan.targetNode(), macvlan.name()));
                case Operation.CreateVxlan vxlan -> planned.links.add(key(vxlan.node(), vxlan.name()));
                case Operation.AddAddress address ->
                        planned.addresses.add(key(address.node(), address.interfaceName(), address.address().toString()));
                case Operation.AddNeighbour neighbour -> planned.neighbours.add(
                        key(neighbour.node(), neighbour.dev(), Addresses.format(neighbour.address())));
                case Operation.SetSysctl sysctl ->
                        planned.sysctls.computeIfAbsent(sysctl.node(), node -> new LinkedHashMap<>()).put(sysctl.key(), sysctl.value());
                case Operation.DisableIpv6LinkLocal disable -> noLinkLocal.add(key(disable.node(), disable.interfaceName()));
                case Operation.CreateNamespace ignored -> {}
                case Operation.WriteHosts ignored -> {}
                case Operation.NameNode ignored -> {}
                case Operation.SetMtu ignored -> {}
                case Operation.AddFloodEntry ignored -> {} // show reads no forwarding entries
                case Operation.SetUp up -> {
                    // The kernel gives an interface that comes up with IPv6 on its own link-local address.
                    if (!noLinkLocal.contains(key(up.node(), up.interfaceName()))) {
                        planned.kernelLinkLocals.add(key(up.node(), up.interfaceName()));
                    }
                }
                case Operation.AddRoute ignored -> {}
                case Operation.ApplyNat ignored -> {}
                case Operation.SetQdisc ignored -> {}
                case Operation.ApplyLoss ignored -> {}
            }
        }
        return planned;
    }

    /** Whether the lab made this link (lo is every namespace's own). */
    boolean madeLink(String node, String name) {
        return name.equals("lo") || links.contains(key(node, name));
    }

    /** Whether the lab (or the kernel, for lo's and for link-local addresses the lab left on) made this address. */
    boolean madeAddress(String node, String device, LabView.Address address) {
        if (device.equals("lo") && (address.toString().equals("127.0.0.1/8") || address.toString().equals("::1/128"))) {
            return true;
        }
        if (address.address().startsWith("fe80:") && address.prefixLength() == 64 && kernelLinkLocals.contains(key(node, device))) {
            return true;
        }
        return addresses.contains(key(node, device, address.toString()));
    }

    boolean madeNeighbour(String node, String device, String address) {
        return neighbours.contains(key(node, device, address));
    }

    /** The sysctls the lab set in {@code node}, key to value, in plan order. */
    Map<String, String> sysctls(String node) {
        return sysctls.getOrDefault(node, Map.of());
    }

    private static String key(String... parts) {
        return String.join("\0", parts);
    }
}

package netlab.executor.step;

import java.util.List;
import netlab.plan.Operation;
import netlab.plan.Plan;

/** The step class of each kind of operation: one case per kind, and no default. */
public final class Steps {
    private Steps() {}

    public static Step of(Operation operation) {
        return switch (operation) {
            case Operation.CreateNamespace o -> new NamespaceStep(o);
            case Operation.WriteHosts o -> new HostsFileStep(o);
            case Operation.NameNode o -> new NodeNameStep(o);
            case Operation.CreateBridge o -> new BridgeStep(o);
            case Operation.CreateVeth o -> new VethStep(o);
            case Operation.CreateMacvlan o -> new MacvlanStep(o);
            case Operation.CreateVxlan o -> new VxlanStep(o);
            case Operation.AddFloodEntry o -> new FloodEntryStep(o);
            case Operation.SetMtu o -> new MtuStep(o);
            case Operation.SetSysctl o -> new SysctlStep(o);
            case Operation.DisableIpv6LinkLocal o -> new Ipv6LinkLocalStep(o);
            case Operation.SetUp o -> new LinkUpStep(o);
            case Operation.AddAddress o -> new AddressStep(o);
            case Operation.AddNeighbour o -> new NeighbourStep(o);
            case Operation.AddRoute o -> new RouteStep(o);
            case Operation.ApplyNat o -> new NatTableStep(o);
            case Operation.SetQdisc o -> new QdiscStep(o);
            case Operation.ApplyLoss o -> new LossTableStep(o);
        };
    }

    /** The steps of a plan, in its order. */
    public static List<Step> of(Plan plan) {
        return plan.operations().stream().map(Steps::of).toList();
    }

    /** {@code netlab plan}: one command per step, in order: a shell script that builds the lab. */
    public static String script(Plan plan) {
        StringBuilder text = new StringBuilder();
        for (Operation operation : plan.operations()) {
            text.append(of(operation).command()).append('\n');
        }
        return text.toString();
    }
}

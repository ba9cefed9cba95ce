package netlab.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import netlab.error.LabStateException;
import netlab.executor.step.LossTableStep;
import netlab.executor.step.QdiscStep;
import netlab.executor.step.Step;
import netlab.kernel.KernelException;
import netlab.kernel.KernelFeatures;
import netlab.kernel.NetlinkRequest;
import netlab.kernel.NftablesTransaction;
import netlab.netlink.nftables.LossChain;
import netlab.netlink.nftables.NfProto;
import netlab.netlink.nftables.NftRequests;
import netlab.netlink.nftables.TableMessage;
import netlab.netlink.route.QdiscRequests;
import netlab.plan.LossRule;
import netlab.plan.Operation;
import netlab.plan.Plan;
import netlab.plan.Planner;
import netlab.plan.Qdisc;
import netlab.state.ImpairEdits;
import netlab.state.LabState;
import netlab.state.StateStore;
import netlab.sys.Errno;
import netlab.topology.Impairment;
import netlab.topology.Lab;
import netlab.topology.Node;
import netlab.topology.dsl.Diagnostic;
import netlab.topology.dsl.TopologyException;
import netlab.topology.dsl.TopologyReader;

/**
 * {@code netlab impair LAB NODE:IF [OPTIONS] | --clear}: a running lab's impairment changed. The
 * lab as it is now (its file, then the edits made since up, {@link ImpairEdits}) and as it will be
 * (that, with the interface's impair line replaced) are both planned; the root qdiscs and the loss
 * tables that differ are changed, as up would have made them: a qdisc replaced or deleted, a
 * node's loss table made again with its new chains. The edit is then kept beside the lab's
 * record, and everything goes with the lab at {@code down}.
 */
public final class RuntimeImpair {
    private RuntimeImpair() {}

    /** Applies {@code edit}; returns the interface's impair line now ("impair rate 1mbit"), or empty. */
    public static Optional<String> apply(StateStore store, LabState state, ImpairEdits.Edit edit) {
        Path directory = store.directoryOf(state.lab());
        String text;
        try {
            text = Files.readString(Path.of(state.file()));
        } catch (IOException e) {
            throw new LabStateException("lab " + state.lab() + "'s file " + state.file() + " cannot be read now ("
                    + e.getMessage() + "); impair reads the lab from it");
        }
        String now = text;
        List<ImpairEdits.Edit> earlierEdits = ImpairEdits.read(directory);
        // Positions in an edited text are not the file's: its name says so.
        String name = earlierEdits.isEmpty() ? state.file() : state.file() + " as netlab impair edited it";
        for (ImpairEdits.Edit earlier : earlierEdits) {
            now = ImpairLines.replace(now, parse(name, state, now), earlier.node(), earlier.interfaceName(), earlier.words())
                    .text();
        }
        Lab before = parse(name, state, now);
        ImpairLines.Edited edited = ImpairLines.replace(now, before, edit.node(), edit.interfaceName(), edit.words());
        Lab after;
        try {
            after = parse(name, state, edited.text());
        } catch (TopologyException e) {
            throw refused(edit, edited.line(), e);
        }
        Plan planBefore = Planner.plan(before);
        Plan planAfter = Planner.plan(after);
        Map<String, Operation.SetQdisc> qdiscsBefore = qdiscs(planBefore);
        Map<String, Operation.SetQdisc> qdiscsAfter = qdiscs(planAfter);
        Map<String, Operation.ApplyLoss> lossBefore = losses(planBefore);
        Map<String, Operation.ApplyLoss> lossAfter = losses(planAfter);
        List<Step> changed = new ArrayList<>();
        qdiscsAfter.forEach((key, op) -> {
            if (!op.qdisc().equals(Optional.ofNullable(qdiscsBefore.get(key)).map(Operation.SetQdisc::qdisc).orElse(null))) {
                changed.add(new QdiscStep(op));
            }
        });
        lossAfter.forEach((node, op) -> {
            if (!Objects.equals(rules(lossBefore.get(node)), op.rules())) {
                changed.add(new LossTableStep(op));
            }
        });
        KernelSupport.require(state.lab(), changed, KernelFeatures.ofRunningKernel());
        try (LabSession session = new LabSession(state.lab(), state.group())) {
            Set<String> keys = new LinkedHashSet<>(qdiscsBefore.keySet());
            keys.addAll(qdiscsAfter.keySet());
            for (String key : keys) {
                Qdisc was = Optional.ofNullable(qdiscsBefore.get(key)).map(Operation.SetQdisc::qdisc).orElse(null);
                Operation.SetQdisc will = qdiscsAfter.get(key);
                if (will != null && !will.qdisc().equals(was)) {
                    int index = session.index(will.node(), will.interfaceName());
                    session.route(will.node()).call(new NetlinkRequest(new QdiscStep(will).command().replace(" add ", " replace "),
                            QdiscRequests.replaceRoot(index, QdiscStep.options(will.qdisc()))));
                } else if (will == null) {
                    Operation.SetQdisc old = qdiscsBefore.get(key);
                    deleteRoot(session, old.node(), old.interfaceName());
                }
            }
            Set<String> nodes = new LinkedHashSet<>(lossBefore.keySet());
            nodes.addAll(lossAfter.keySet());
            for (String node : nodes) {
                Operation.ApplyLoss will = lossAfter.get(node);
                if (Objects.equals(rules(lossBefore.get(node)), rules(will))) {
                    continue;
                }
                String table = Plan.tableName(state.lab());
                deleteLossTable(session, node, table);
                if (will != null) {
                    state = recordHostTable(store, state, node, table);
                    NftablesTransaction.apply(session.netfilter(node), "add table netdev " + table + " in "
                            + LabSession.where(node), NftRequests.lossTable(table, will.rules().stream()
                                    .map(rule -> new LossChain(rule.interfaceName(), rule.hundredthsOfPercent())).toList()));
                }
            }
        }
        ImpairEdits.append(directory, edit);
        return after.node(edit.node()).stream().flatMap(n -> n.impairments().stream())
                .filter(i -> i.interfaceName().equals(edit.interfaceName())).findFirst().map(Impairment::text);
    }

    private static Lab parse(String name, LabState state, String text) {
        return TopologyReader.parse(name, text).named(state.lab());
    }

    /** The edit's own problems, in its words; problems elsewhere are the file's, as they are. */
    private static RuntimeException refused(ImpairEdits.Edit edit, int line, TopologyException e) {
        List<String> own = e.diagnostics().stream().filter(d -> d.source().line() == line).map(Diagnostic::message).toList();
        if (own.isEmpty()) {
            return e;
        }
        return new TopologyException(List.of(TopologyReader.diagnostic(
                new netlab.topology.Source("netlab impair " + edit.node() + ":" + edit.interfaceName(), 0, 0),
                String.join("; ", own))));
    }

    private static Map<String, Operation.SetQdisc> qdiscs(Plan plan) {
        Map<String, Operation.SetQdisc> qdiscs = new LinkedHashMap<>();
        for (Operation op : plan.operations()) {
            if (op instanceof Operation.SetQdisc qdisc) {
                qdiscs.put(qdisc.node() + ":" + qdisc.interfaceName(), qdisc);
            }
        }
        return qdiscs;
    }

    private static Map<String, Operation.ApplyLoss> losses(Plan plan) {
        Map<String, Operation.ApplyLoss> losses = new LinkedHashMap<>();
        for (Operation op : plan.operations()) {
            if (op instanceof Operation.ApplyLoss loss) {
                losses.put(loss.node(), loss);
            }
        }
        return losses;
    }

    private static List<LossRule> rules(Operation.ApplyLoss loss) {
        return loss == null ? List.of() : loss.rules();
    }

    /** {@code tc qdisc del dev IF root}; an interface with only the kernel's default qdisc is done. */
    private static void deleteRoot(LabSession session, String node, String interfaceName) {
        try {
            session.route(node).call(new NetlinkRequest("tc qdisc del dev " + interfaceName + " root",
                    QdiscRequests.deleteRoot(session.index(node, interfaceName))));
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOENT && e.errno() != Errno.EINVAL) {
                throw e;
            }
        }
    }

    private static void deleteLossTable(LabSession session, String node, String table) {
        try {
            NftablesTransaction.apply(session.netfilter(node), "delete table netdev " + table,
                    List.of(NftRequests.deleteTable(TableMessage.delete(NfProto.NFPROTO_NETDEV, table))));
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
        }
    }

    /** A loss table made in the host at runtime is recorded first, as up records its tables: down deletes it. */
    private static LabState recordHostTable(StateStore store, LabState state, String node, String table) {
        LabState.TableRecord record = new LabState.TableRecord(node, "netdev", table);
        if (!Node.HOST.equals(node) || state.tables().contains(record)) {
            return state;
        }
        List<LabState.TableRecord> tables = new ArrayList<>(state.tables());
        tables.add(record);
        LabState next = state.withTables(tables);
        store.save(next);
        return next;
    }
}

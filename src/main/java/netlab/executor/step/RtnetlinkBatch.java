package netlab.executor.step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import netlab.kernel.NetlinkRequest;
import netlab.netlink.NlMessage;

/**
 * Sends rtnetlink steps of one kind together: the interfaces they name are looked up first, in
 * every namespace at once; what they create is recorded; then all their requests go out (one
 * hand-over per namespace) before the first answer is read. The first refusal is reported after
 * every answer has arrived, so the lab's record and the session stay true for the rollback.
 */
public final class RtnetlinkBatch {
    private RtnetlinkBatch() {}

    public static void send(List<? extends RtnetlinkStep> steps, StepContext context) {
        Map<String, Set<String>> named = new HashMap<>();
        steps.forEach(step -> step.interfacesUsed().forEach(
                use -> named.computeIfAbsent(step.node(), node -> new HashSet<>()).add(use.name())));
        context.prefetchIndexes(named);
        Map<String, List<NetlinkRequest>> byNode = new LinkedHashMap<>();
        for (RtnetlinkStep step : steps) {
            try {
                byNode.computeIfAbsent(step.node(), node -> new ArrayList<>())
                        .add(new NetlinkRequest(step.command(), step.request(context)));
            } catch (RuntimeException e) {
                throw new StepFailedException(step, e);
            }
        }
        List<List<Creation>> recorded = steps.stream().map(step -> step.recorded(context)).toList();
        context.journal().aboutToCreate(recorded.stream().flatMap(List::stream).toList());
        Map<String, Iterator<CompletableFuture<List<NlMessage>>>> answers = new HashMap<>();
        byNode.forEach((node, requests) -> answers.put(node, context.route(node).sendAll(requests).iterator()));
        StepFailedException first = null;
        List<Creation> notMade = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            RtnetlinkStep step = steps.get(i);
            try {
                step.learn(answers.get(step.node()).next().join(), context);
            } catch (CompletionException e) {
                notMade.addAll(recorded.get(i));
                if (first == null) {
                    first = new StepFailedException(step, e.getCause() instanceof RuntimeException r ? r : e);
                }
            }
        }
        if (!notMade.isEmpty()) {
            context.journal().notMade(notMade);
        }
        Set<String> changed = new LinkedHashSet<>();
        steps.forEach(step -> changed.addAll(step.nodesWithNewLinks()));
        changed.forEach(context::forgetLinks);
        if (first != null) {
            throw first;
        }
    }
}

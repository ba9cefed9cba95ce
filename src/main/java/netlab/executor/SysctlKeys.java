package netlab.executor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import netlab.executor.step.Step;
import netlab.executor.step.SysctlStep;
import netlab.kernel.NetNamespace;
import netlab.kernel.Sysctl;
import netlab.topology.Node;
import netlab.topology.SysctlSetting;
import netlab.topology.dsl.Diagnostic;
import netlab.topology.dsl.Suggestions;
import netlab.topology.dsl.TopologyReader;

/**
 * Before {@code up} changes anything: every sysctl the lab sets must be a setting this kernel
 * has and lets root write, where it is set. A node's keys are looked up in a new namespace of
 * their own, which is what every node starts as (a node lacks some of the host's keys, and has
 * others read-only: net.core.rmem_max); the host's in the host. A key of one of the lab's own
 * interfaces is looked up as lo's (every namespace has lo, and each interface has the same
 * settings), since the interface does not exist yet. A misspelt key gets the closest existing
 * one as a suggestion.
 */
final class SysctlKeys {
    /** The interface every namespace has, standing in for the lab's own, not made yet. */
    private static final String STAND_IN = "lo";

    private SysctlKeys() {}

    /**
     * The problems of the sysctl steps among {@code steps}. {@code hostMade}: the host interfaces
     * the lab makes; {@code hostExisting}: the host's interfaces now (a key naming one that is
     * neither is reported as a missing interface, not here).
     */
    static List<Diagnostic> problems(List<Step> steps, Set<String> hostMade, Set<String> hostExisting) {
        List<SysctlStep> inNodes = new ArrayList<>();
        List<SysctlStep> inHost = new ArrayList<>();
        for (Step step : steps) {
            if (step instanceof SysctlStep sysctl) {
                (sysctl.operation().node().equals(Node.HOST) ? inHost : inNodes).add(sysctl);
            }
        }
        Map<SysctlStep, String> found = new LinkedHashMap<>();
        if (!inNodes.isEmpty()) {
            found.putAll(Sysctl.inNewNamespace(() -> look(inNodes, name -> true, "a node's namespace")));
        }
        List<SysctlStep> hostKeys = inHost.stream().filter(step -> step.interfacesUsed().stream()
                .allMatch(use -> hostMade.contains(use.name()) || hostExisting.contains(use.name()))).toList();
        if (!hostKeys.isEmpty()) {
            try (NetNamespace host = NetNamespace.host()) {
                found.putAll(host.call(() -> look(hostKeys, hostMade::contains, "the host")));
            }
        }
        List<Diagnostic> problems = new ArrayList<>();
        found.forEach((step, problem) -> problems.add(TopologyReader.diagnostic(step.operation().source(), problem)));
        return problems;
    }

    /**
     * The problem of each key that has one, looked up in the calling thread's namespace, which
     * {@code where} names; a key of an interface the lab makes ({@code made}) as lo's.
     */
    private static Map<SysctlStep, String> look(List<SysctlStep> steps, Predicate<String> made, String where) {
        Map<SysctlStep, String> problems = new LinkedHashMap<>();
        for (SysctlStep step : steps) {
            String key = step.operation().key();
            Optional<String> named = SysctlSetting.interfaceOf(key);
            boolean lab = named.isPresent() && made.test(named.get());
            String asked = lab ? SysctlSetting.withInterface(key, STAND_IN) : key;
            Sysctl.Kind kind = Sysctl.kindHere(asked);
            String problem = switch (kind) {
                case SETTING -> null;
                case READ_ONLY -> "sysctl " + key + " is read-only in " + where;
                case DIRECTORY -> "sysctl " + key + " is a group of settings, not one";
                case MISSING -> where + " has no sysctl " + key;
            };
            if (problem != null) {
                String suggestion = kind == Sysctl.Kind.MISSING ? closest(asked).orElse(null) : null;
                if (suggestion != null && lab) {
                    suggestion = SysctlSetting.withInterface(suggestion, named.get());
                }
                problems.put(step, problem + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)"));
            }
        }
        return problems;
    }

    /**
     * The existing setting closest to a missing key, differing in the first part that is
     * missing: {@code net.ipv4.ip_fowrard} -> {@code net.ipv4.ip_forward}.
     */
    private static Optional<String> closest(String key) {
        String[] parts = key.split("\\.");
        int missing = 1;
        while (missing < parts.length && Sysctl.kindHere(join(parts, missing + 1)) != Sysctl.Kind.MISSING) {
            missing++;
        }
        if (missing == parts.length) {
            return Optional.empty();
        }
        String before = join(parts, missing);
        String after = String.join("", Arrays.stream(parts, missing + 1, parts.length).map(p -> "." + p).toList());
        List<String> settings = new ArrayList<>();
        for (String entry : Sysctl.entriesHere(before)) {
            Sysctl.Kind kind = Sysctl.kindHere(before + "." + entry + after);
            if (kind == Sysctl.Kind.SETTING || kind == Sysctl.Kind.READ_ONLY) {
                settings.add(entry);
            }
        }
        return Suggestions.closest(parts[missing], settings).map(entry -> before + "." + entry + after);
    }

    private static String join(String[] parts, int count) {
        return String.join(".", Arrays.asList(parts).subList(0, count));
    }
}

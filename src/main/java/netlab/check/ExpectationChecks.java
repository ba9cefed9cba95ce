package netlab.check;

import java.util.ArrayList;
import java.util.List;
import netlab.kernel.probe.Probe;
import netlab.kernel.probe.ProbeResult;
import netlab.kernel.probe.Prober;
import netlab.state.LabState;
import netlab.topology.Expectation;

/** Checks a running lab's expectations: one probe each, all at once, then a verdict each. */
public final class ExpectationChecks {
    private ExpectationChecks() {}

    /** The verdicts, in the expectations' order. */
    public static List<Verdict> check(LabState lab, List<Expectation> expectations) {
        if (expectations.isEmpty()) {
            return List.of();
        }
        try (LabNamespaces namespaces = new LabNamespaces(lab); Prober prober = new Prober()) {
            List<Probe> probes = new ArrayList<>();
            for (Expectation expectation : expectations) {
                probes.add(new Probe(namespaces.of(expectation.node()), expectation.target().address(),
                        expectation.within(), expectation.seenAs().isPresent()
                                ? expectation.target().owners().stream().map(namespaces::of).toList()
                                : List.of()));
            }
            List<ProbeResult> results = prober.run(probes);
            List<Verdict> verdicts = new ArrayList<>();
            for (int i = 0; i < expectations.size(); i++) {
                verdicts.add(Verdicts.judge(expectations.get(i), results.get(i)));
            }
            return verdicts;
        }
    }
}

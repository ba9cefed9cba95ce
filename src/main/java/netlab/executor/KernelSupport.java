package netlab.executor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.error.FailureKind;
import netlab.error.NetlabException;
import netlab.executor.step.LossTableStep;
import netlab.executor.step.QdiscStep;
import netlab.executor.step.Step;
import netlab.executor.step.VxlanStep;
import netlab.kernel.KernelFeatures;
import netlab.plan.Qdisc;

/**
 * What a lab's impairments and tunnels need of the kernel, checked before {@code up} changes
 * anything: delay and jitter the netem qdisc, a rate the tbf qdisc, loss nf_tables' numgen, a
 * vxlan the vxlan module. A feature the kernel
 * says it lacks refuses the lab with one line naming the module; when the kernel says nothing of
 * it (no /proc/config.gz, no module lists), up goes on and the kernel's own answer says.
 */
final class KernelSupport {
    private KernelSupport() {}

    static void require(String lab, List<Step> steps, KernelFeatures kernel) {
        // Each feature once, with the first use that needs it.
        Map<KernelFeatures.Feature, String> needed = new LinkedHashMap<>();
        for (Step step : steps) {
            switch (step) {
                case QdiscStep qdisc when qdisc.operation().qdisc() instanceof Qdisc.Netem ->
                        needed.putIfAbsent(KernelFeatures.NETEM, "delay");
                case QdiscStep qdisc -> needed.putIfAbsent(KernelFeatures.TBF, "a rate");
                case LossTableStep loss -> needed.putIfAbsent(KernelFeatures.NUMGEN, "loss");
                case VxlanStep vxlan -> needed.putIfAbsent(KernelFeatures.VXLAN, "a vxlan");
                default -> { }
            }
        }
        List<String> missing = new ArrayList<>();
        needed.forEach((feature, use) -> {
            if (kernel.has(feature).equals(Optional.of(false))) {
                missing.add(use + " needs the kernel's " + feature.module() + " module (modprobe " + feature.module() + ")");
            }
        });
        if (!missing.isEmpty()) {
            throw new MissingKernelFeature("lab " + lab + ": " + String.join("; ", missing)
                    + ", which this kernel does not have; netlab doctor lists what it lacks");
        }
    }

    /** The kernel cannot do what the lab asks: no change was made. */
    static final class MissingKernelFeature extends NetlabException {
        private static final long serialVersionUID = 1L;

        MissingKernelFeature(String message) {
            super(message);
        }

        @Override
        public FailureKind kind() {
            return FailureKind.KERNEL;
        }
    }
}

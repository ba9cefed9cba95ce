package netlab.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import netlab.kernel.KernelFeatures;

/**
 * The kernel features every lab needs (a problem when missing) and those only some labs need
 * (link impairments, vxlans: a warning, since up refuses such a lab in one line anyway).
 */
final class KernelChecks {
    private KernelChecks() {}

    /** {@code labFeatures}: false when they were tried for real instead ({@link KernelTrial}). */
    static List<Finding> check(KernelFeatures kernel, boolean labFeatures) {
        List<Finding> findings = new ArrayList<>();
        if (labFeatures) {
            for (KernelFeatures.Feature feature : KernelFeatures.LAB_FEATURES) {
                findings.addAll(finding(kernel, feature, Finding.Level.PROBLEM));
            }
        }
        for (KernelFeatures.Feature feature : KernelFeatures.OPTIONAL_FEATURES) {
            findings.addAll(finding(kernel, feature, Finding.Level.WARNING));
        }
        return findings;
    }

    private static List<Finding> finding(KernelFeatures kernel, KernelFeatures.Feature feature, Finding.Level missing) {
        Optional<Boolean> has = kernel.has(feature);
        if (has.isEmpty()) {
            return List.of(new Finding(Finding.Level.NOT_CHECKED, "cannot tell whether the kernel has " + feature.module()
                    + " (" + feature.use() + "): none of " + kernel.sources() + " says",
                    "modprobe " + feature.module() + " as root loads it if it exists"));
        }
        if (has.get()) {
            return List.of();
        }
        return List.of(new Finding(missing, "the kernel has no " + feature.module() + " (" + feature.config() + "), so "
                + feature.use() + " cannot be made", "install a kernel built with " + feature.config() + "=y or =m"));
    }
}

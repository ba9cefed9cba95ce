package netlab.kube;

import java.util.List;

/**
 * What the kube module needs of a lab split over K machines. The CLI adapts netlab's partition
 * renderer to it; tests use small fakes. Every answer depends on the lab and K only, so the same
 * inputs render the same objects.
 */
public interface LabParts {
    /** The lab's name, as netlab knows it (the file's {@code lab} line or file name). */
    String lab();

    /** K: how many parts, one machine each. */
    int parts();

    /**
     * How many VNIs from a base the split may use: one per cut link or split bridge, and room for
     * those it skips because the lab's own tunnels over the machine hold them.
     */
    int vniCount();

    /** The placeholder underlay address of each part, index = part (192.0.2.1 for part 0, ...). */
    List<String> placeholders();

    /**
     * The K part files' text, index = part, their VNIs numbered from {@code vniBase}; an
     * IllegalArgumentException, saying why, when they cannot all be numbered from there.
     */
    List<String> render(int vniBase);
}

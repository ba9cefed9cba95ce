package netlab.kube;

/**
 * Where and how a lab runs on a cluster.
 *
 * @param namespace the namespace of the lab's objects
 * @param image the agents' image
 * @param vniBase the lab's first VNI: its part files number their VNIs from here
 */
public record LabSettings(String namespace, String image, int vniBase) {}

package netlab.partition.parts;

import java.nio.charset.StandardCharsets;

/**
 * Where a split lab's VNIs start when no one allocates them ({@code netlab k8s up} does, from
 * the cluster): a block of 4096 chosen by the lab's name, so that two labs on the same machines
 * rarely meet; when they do, the second {@code up} is refused by the kernel (a VNI is unique per
 * machine and port) and {@code --vni-base} chooses another. Block 0 (VNIs below 4096) is left to
 * tunnels written by hand.
 */
public final class VniBase {
    public static final int BLOCK = 4096;
    /** VNIs are 24 bits (RFC 7348). */
    public static final int LIMIT = 1 << 24;

    private VniBase() {}

    /** Refuses a base from which {@code needed} VNIs do not all fit in 24 bits. */
    public static void requireFits(long base, int needed) {
        if (base < 1 || base >= LIMIT || base + needed > LIMIT) {
            throw new IllegalArgumentException("the lab's " + needed + (needed == 1 ? " VNI from " : " VNIs from ")
                    + base + (needed == 1 ? " does" : " do") + " not fit in 1.." + (LIMIT - 1) + "; take a base of 1.." + (LIMIT - Math.max(1, needed)));
        }
    }

    public static int forLab(String lab, int needed) {
        int blocks = LIMIT / BLOCK - Math.max(1, (needed + BLOCK - 1) / BLOCK); // the last block that still fits
        long hash = 0xcbf29ce484222325L;
        for (byte b : lab.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return (int) (1 + Long.remainderUnsigned(hash, blocks)) * BLOCK;
    }
}

package netlab.kube.cluster;

/**
 * The VNI space cut into blocks a lab claims whole. A VNI must be unique per machine and UDP port
 * (the kernel refuses a second device with the same one), and the labs on a cluster share its
 * machines, so two labs must never number their tunnels alike.
 */
public final class VniBlocks {
    /** VNIs per block. */
    public static final int SIZE = 4096;
    /** Block 0 (VNIs 0..4095) is left for tunnels made by hand. */
    public static final int FIRST = 1;
    /** VNIs have 24 bits: the last block ends at 16777215. */
    public static final int LAST = (1 << 24) / SIZE - 1;

    private VniBlocks() {}

    /** How many blocks {@code vniCount} VNIs take. */
    public static int needed(int vniCount) {
        return (vniCount + SIZE - 1) / SIZE;
    }

    /** The first VNI of {@code block}. */
    public static int firstVni(int block) {
        return block * SIZE;
    }
}

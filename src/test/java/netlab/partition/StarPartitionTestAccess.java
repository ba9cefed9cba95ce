package netlab.partition;

/** The benchmark's star-N text, for the tests of other packages. */
public final class StarPartitionTestAccess {
    private StarPartitionTestAccess() {}

    public static String star(int n) {
        return StarPartitionTest.star(n);
    }
}

package netlab.partition;

/** Nodes that must share a machine, as a union-find over their indexes in the file. */
final class NodeGroups {
    private final int[] parent;

    NodeGroups(int size) {
        parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
    }

    /** The smallest index of {@code n}'s group stands for it, whatever the order of joins. */
    int root(int n) {
        while (parent[n] != n) {
            parent[n] = parent[parent[n]];
            n = parent[n];
        }
        return n;
    }

    void join(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }
}

package netlab.topology;

/** An interface named by its node and its name: {@code ns1:eth0} ({@code host:br0} for the host). */
public record Endpoint(String node, String interfaceName) {
    /*
     * equals and hashCode written out: a record's generated ones go through method handles, which
     * cost many times more until the JIT compiles them, and reading a big lab's file uses
     * endpoints as map keys tens of thousands of times (AddressCheck), mostly before that.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Endpoint that && node.equals(that.node) && interfaceName.equals(that.interfaceName);
    }

    @Override
    public int hashCode() {
        return 31 * node.hashCode() + interfaceName.hashCode();
    }

    @Override
    public String toString() {
        return node + ":" + interfaceName;
    }
}

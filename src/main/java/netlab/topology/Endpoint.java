package netlab.topology;

/** An interface named by its node and its name: {@code ns1:eth0} ({@code host:br0} for the host). */
public record Endpoint(String node, String interfaceName) {
    @Override
    public String toString() {
        return node + ":" + interfaceName;
    }
}

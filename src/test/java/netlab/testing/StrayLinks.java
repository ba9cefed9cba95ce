package netlab.testing;

import java.util.Set;
import java.util.TreeSet;

/**
 * Links of the test JVM's own network namespace that a nested sandbox put there: a command
 * that names "the host" as {@code netns 1} reaches PID 1 of the nested PID namespace, which
 * lives here (see src/test/sandbox/nested-sandbox). {@link #removeAllBut} puts the namespace
 * back as it was.
 */
public final class StrayLinks {
    private static final long DEADLINE_MILLIS = 10_000;

    private StrayLinks() {}

    /** The names of the links of this JVM's namespace. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        Json.of("ip", "-j", "link", "show").forEach(link -> names.add(link.path("ifname").asText()));
        return names;
    }

    /**
     * Deletes every link not in {@code before} and waits until exactly those are left (a veth
     * whose other end was in a nested sandbox also goes by itself, a moment after it ends).
     */
    public static void removeAllBut(Set<String> before) throws InterruptedException {
        long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
        Set<String> now = names();
        for (String name : now) {
            if (!before.contains(name)) {
                Shell.run("ip", "link", "del", name); // it may be gone already: the wait below decides
            }
        }
        while (!(now = names()).equals(before)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the test JVM's namespace still has links " + now + ", not " + before);
            }
            Thread.sleep(20);
        }
    }
}

package netlab.executor.watch;

import java.time.Instant;
import java.util.Map;

/**
 * One change in a lab, as {@code netlab watch} reports it: when netlab read it, in which node,
 * what kind of thing changed, what happened to it ({@code add}, {@code del}, or a link's
 * {@code up}/{@code down}/{@code rename}...), which one ({@code eth0}, {@code 10.0.0.5/24}), and
 * the rest in ip's words ({@code dev eth0}, {@code via 192.168.0.1}), in order.
 */
public record LabEvent(Instant time, String node, Kind kind, String action, String subject, Map<String, String> details) {
    public LabEvent {
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }

    /** The rtnetlink object that changed, named as netlab prints it. */
    public enum Kind {
        LINK("link"), ADDRESS("address"), ROUTE("route"), NEIGHBOUR("neighbour");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }
}

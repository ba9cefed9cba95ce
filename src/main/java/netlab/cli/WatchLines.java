package netlab.cli;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import netlab.executor.watch.LabEvent;

/**
 * {@code netlab watch}'s lines: {@code 12:00:01.234 ns1 link eth0 down} for people (the local
 * time, the node, then ip's words), or one JSON object a line for machines.
 */
final class WatchLines {
    /** Raised when a field changes meaning or goes; new fields may come without it. */
    static final int SCHEMA_VERSION = 1;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private WatchLines() {}

    /** A link reads {@code link eth0 down}; the rest {@code address add 10.0.0.5/24 dev eth0 ...}. */
    static String text(LabEvent event) {
        StringBuilder line = new StringBuilder(CLOCK.format(event.time())).append(' ').append(event.node()).append(' ')
                .append(event.kind().word()).append(' ');
        if (event.kind() == LabEvent.Kind.LINK) {
            line.append(event.subject()).append(' ').append(event.action());
        } else {
            line.append(event.action()).append(' ').append(event.subject());
        }
        event.details().forEach((key, value) -> line.append(' ').append(key).append(' ').append(value));
        return line.toString();
    }

    /**
     * {@code {"schema_version": 1, "time": "2026-12-03T08:00:01.234Z", "node": "ns1", "kind": "link",
     * "action": "down", "subject": "eth0", "details": {...}}} on one line; time in UTC, to the millisecond.
     */
    static String json(LabEvent event) {
        JsonWriter json = new JsonWriter(true).beginObject().name("schema_version").value(SCHEMA_VERSION)
                .name("time").value(event.time().truncatedTo(ChronoUnit.MILLIS).toString()).name("node").value(event.node())
                .name("kind").value(event.kind().word()).name("action").value(event.action())
                .name("subject").value(event.subject()).name("details").beginObject();
        event.details().forEach((key, value) -> json.name(key).value(value));
        return json.endObject().endObject().toString();
    }
}

package netlab.cli;

import netlab.check.TestRun;
import netlab.check.Verdict;
import netlab.kernel.probe.ProbeResult;
import netlab.topology.Expectation;
import netlab.topology.Addresses;

/**
 * {@code netlab test --json}: the report for programs (docs/checking.md documents every field).
 * Fields are only ever added.
 */
final class TestReportJson {
    private TestReportJson() {}

    static String of(TestRun run) {
        JsonWriter json = JsonSchema.document();
        json.name("lab").value(run.lab());
        json.name("passed").value(run.passed());
        json.name("failed").value(run.failed());
        json.name("took_ms").value(run.took().toMillis());
        json.name("expectations").beginArray();
        for (Verdict verdict : run.verdicts()) {
            expectation(json, verdict);
        }
        return json.endArray().endObject() + "\n";
    }

    private static void expectation(JsonWriter json, Verdict verdict) {
        Expectation e = verdict.expectation();
        json.beginObject();
        json.name("source").value(e.source().toString());
        json.name("statement").value(e.text());
        json.name("node").value(e.node());
        json.name("expect").value(e.reach().keyword());
        json.name("target").value(Addresses.format(e.target().address()));
        json.name("target_written").value(e.target().written());
        json.name("ttl");
        if (e.ttl().isPresent()) {
            json.value(e.ttl().getAsInt());
        } else {
            json.nullValue();
        }
        json.name("as").value(e.seenAs().map(Addresses::format));
        json.name("within_ms").value(e.within().toMillis());
        json.name("passed").value(verdict.passed());
        json.name("seen").value(verdict.seen());
        ProbeResult result = verdict.result();
        json.name("reply");
        if (result.reply().isPresent()) {
            json.beginObject().name("ttl").value(result.reply().get().ttl())
                    .name("round_trip_us").value(result.reply().get().roundTrip().toNanos() / 1000).endObject();
        } else {
            json.nullValue();
        }
        json.name("seen_from").value(result.seenFrom().map(Addresses::format));
        json.name("failure").value(result.failure());
        json.endObject();
    }
}

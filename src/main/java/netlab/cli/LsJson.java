package netlab.cli;

import java.util.List;

/**
 * {@code netlab ls --json}: the labs as one object (docs/checking.md lists the fields). Every key
 * is always present, null when the record cannot say; fields are only ever added.
 */
final class LsJson {
    private LsJson() {}

    static String render(List<ListedLab> labs) {
        JsonWriter json = JsonSchema.document().name("labs").beginArray();
        for (ListedLab lab : labs) {
            json.beginObject().name("lab").value(lab.lab()).name("status").value(lab.broken() ? "broken" : "up")
                    .name("user").value(lab.user()).name("nodes");
            if (lab.nodes().isPresent()) {
                json.value(lab.nodes().get());
            } else {
                json.nullValue();
            }
            json.name("since").value(lab.since().map(Object::toString)).name("file").value(lab.file())
                    .name("problem").value(lab.problem()).endObject();
        }
        return json.endArray().endObject() + "\n";
    }
}

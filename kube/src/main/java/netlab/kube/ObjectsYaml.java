package netlab.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;

/** Objects as one multi-document YAML text, through fabric8's own serializer (kubectl apply -f takes it). */
public final class ObjectsYaml {
    /** fabric8's serializer, as its client uses it (its static Serialization is deprecated). */
    public static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ObjectsYaml() {}

    public static String of(List<? extends HasMetadata> objects) {
        StringBuilder yaml = new StringBuilder();
        for (HasMetadata object : objects) {
            String document = SERIALIZATION.asYaml(object);
            yaml.append(document.startsWith("---") ? "" : "---\n").append(document);
            if (!document.endsWith("\n")) {
                yaml.append('\n');
            }
        }
        return yaml.toString();
    }
}

package netlab.kube;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels and annotations that every object of a lab carries, and what selects its pods. The
 * maps keep the order written here (Map.of's order changes from run to run; the YAML must not).
 */
public final class LabLabels {
    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    /** The lab's mapped name: what netlab selects a lab's objects by. */
    public static final String LAB = "netlab.dev/lab";
    /** Annotation: the lab's netlab name, which the mapped one may not tell apart from another's. */
    public static final String LAB_NAME = "netlab.dev/lab-name";

    private LabLabels() {}

    /** The three labels of every object of the lab. */
    public static Map<String, String> of(KubeNames names) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NAME, "netlab");
        labels.put(INSTANCE, names.dns());
        labels.put(LAB, names.dns());
        return labels;
    }

    /** What selects the lab's pods: the StatefulSet's selector, the Service's, the anti-affinity's. */
    public static Map<String, String> selector(KubeNames names) {
        Map<String, String> selector = new LinkedHashMap<>();
        selector.put(NAME, "netlab");
        selector.put(LAB, names.dns());
        return selector;
    }

    /** The annotation naming the lab as netlab knows it. */
    public static Map<String, String> annotations(KubeNames names) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put(LAB_NAME, names.lab());
        return annotations;
    }

    /** The metadata of the lab's object {@code name}: its namespace, labels and annotation. */
    public static ObjectMeta metadata(KubeNames names, String namespace, String name) {
        return new ObjectMetaBuilder().withName(name).withNamespace(namespace).withLabels(of(names))
                .withAnnotations(annotations(names)).build();
    }
}

package netlab.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects that run a lab on Kubernetes. {@link #all()} lists them in the order they are
 * printed and created: what a pod mounts exists before the StatefulSet makes the pod.
 */
public record LabObjects(KubeNames names, List<ConfigMap> parts, ConfigMap peers, Service service, StatefulSet statefulSet) {
    public LabObjects {
        parts = List.copyOf(parts);
    }

    /** The objects of {@code lab} with {@code settings}; its name is mapped first (exit 3 if it cannot be). */
    public static LabObjects of(LabParts lab, LabSettings settings) {
        KubeNames names = KubeNames.of(lab.lab());
        List<String> files = lab.render(settings.vniBase());
        if (files.size() != lab.parts() || lab.placeholders().size() != lab.parts()) {
            throw new IllegalStateException("lab " + lab.lab() + ": " + lab.parts() + " parts, but " + files.size()
                    + " files and " + lab.placeholders().size() + " placeholders");
        }
        return new LabObjects(names,
                LabConfigMaps.parts(names, settings.namespace(), files),
                LabConfigMaps.peers(names, settings.namespace(), lab.placeholders()),
                HeadlessService.of(names, settings.namespace()),
                AgentStatefulSet.of(names, settings, lab.parts()));
    }

    public List<HasMetadata> all() {
        List<HasMetadata> all = new ArrayList<>(parts);
        all.add(peers);
        all.add(service);
        all.add(statefulSet);
        return all;
    }
}

package netlab.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.ArrayList;
import java.util.List;

/** The ConfigMaps the agents read: one part file each, and the peers file they share. */
final class LabConfigMaps {
    /** The key of a part's file in its ConfigMap. */
    static final String PART_KEY = "part.topo";
    /** The key of the peers file in its ConfigMap. */
    static final String PEERS_KEY = "peers";

    private LabConfigMaps() {}

    static List<ConfigMap> parts(KubeNames names, String namespace, List<String> files) {
        List<ConfigMap> maps = new ArrayList<>();
        for (int part = 0; part < files.size(); part++) {
            maps.add(new ConfigMapBuilder().withMetadata(LabLabels.metadata(names, namespace, names.partConfigMap(part)))
                    .addToData(PART_KEY, files.get(part)).build());
        }
        return maps;
    }

    static ConfigMap peers(KubeNames names, String namespace, List<String> placeholders) {
        return new ConfigMapBuilder().withMetadata(LabLabels.metadata(names, namespace, names.peersConfigMap()))
                .addToData(PEERS_KEY, peersFile(names, namespace, placeholders)).build();
    }

    /**
     * A line {@code PLACEHOLDER NAME} per part: the DNS name of the part's pod. With host
     * networking a pod's address is its node's, so an agent finds where each peer runs, and
     * finds it again when the peer's pod moves to another node.
     */
    static String peersFile(KubeNames names, String namespace, List<String> placeholders) {
        StringBuilder file = new StringBuilder();
        for (int part = 0; part < placeholders.size(); part++) {
            file.append(placeholders.get(part)).append(' ').append(names.podDns(part, namespace)).append('\n');
        }
        return file.toString();
    }
}

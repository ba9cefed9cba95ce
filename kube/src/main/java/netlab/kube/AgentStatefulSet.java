package netlab.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.VolumeProjectionBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The StatefulSet whose pod of ordinal I runs part I: {@code netlab up PART --hold}, one part per
 * node, in the node's network namespace. docs/kubernetes.md says why each setting is what it is.
 */
final class AgentStatefulSet {
    /** Where the part files and the peers file are mounted. */
    static final String PARTS_DIR = "/etc/netlab/parts";
    /** The agent writes it once its part is up; the readiness probe looks for it. */
    static final String READY_FILE = "/tmp/netlab-ready";
    /** The label the StatefulSet controller puts on each pod: its ordinal (Kubernetes 1.28 on). */
    static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
    /** Time for an agent to take its part down after SIGTERM before it is killed. */
    static final long GRACE_SECONDS = 60;
    static final String CONTAINER = "agent";

    private AgentStatefulSet() {}

    static StatefulSet of(KubeNames names, LabSettings settings, int parts) {
        return new StatefulSetBuilder()
                .withMetadata(LabLabels.metadata(names, settings.namespace(), names.base()))
                .withNewSpec()
                .withServiceName(names.base())
                .withReplicas(parts)
                // Every part at once: the parts wait for one another (peers), not in order.
                .withPodManagementPolicy("Parallel")
                .withNewSelector().withMatchLabels(LabLabels.selector(names)).endSelector()
                .withNewTemplate()
                .withNewMetadata().withLabels(LabLabels.of(names)).withAnnotations(LabLabels.annotations(names)).endMetadata()
                .withSpec(pod(names, settings, parts))
                .endTemplate()
                .endSpec()
                .build();
    }

    private static PodSpec pod(KubeNames names, LabSettings settings, int parts) {
        return new PodSpecBuilder()
                // The VXLAN sockets live in the node's network namespace, where the peers reach them.
                .withHostNetwork(true)
                // Else a host-network pod resolves with the node's resolver, which knows no pod names.
                .withDnsPolicy("ClusterFirstWithHostNet")
                // Two parts of one lab never share a node: one machine per part is the split's premise.
                .withNewAffinity().withNewPodAntiAffinity()
                .addNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withNewLabelSelector().addToMatchLabels(LabLabels.LAB, names.dns()).endLabelSelector()
                .withTopologyKey("kubernetes.io/hostname")
                .endRequiredDuringSchedulingIgnoredDuringExecution()
                .endPodAntiAffinity().endAffinity()
                .withTerminationGracePeriodSeconds(GRACE_SECONDS)
                .withContainers(agent(settings.image()))
                .withVolumes(volumes(names, parts))
                .build();
    }

    private static Container agent(String image) {
        return new ContainerBuilder()
                .withName(CONTAINER)
                .withImage(image)
                // $(PART) is expanded by the kubelet from the container's environment.
                .withArgs("up", PARTS_DIR + "/p$(PART).topo", "--hold", "--peers", PARTS_DIR + "/peers",
                        "--ready-file", READY_FILE)
                .addNewEnv().withName("PART").withNewValueFrom().withNewFieldRef()
                .withFieldPath("metadata.labels['" + POD_INDEX_LABEL + "']")
                .endFieldRef().endValueFrom().endEnv()
                // Capabilities are not enough under the runtime's default AppArmor profile and its
                // read-only /proc/sys (docs/kubernetes.md, "Why privileged").
                .withNewSecurityContext().withPrivileged(true).endSecurityContext()
                .addNewVolumeMount().withName("parts").withMountPath(PARTS_DIR).withReadOnly(true).endVolumeMount()
                .addNewVolumeMount().withName("netns").withMountPath("/run/netns").endVolumeMount()
                .addNewVolumeMount().withName("state").withMountPath("/run/netlab").endVolumeMount()
                .withNewReadinessProbe().withNewExec().withCommand("test", "-e", READY_FILE).endExec()
                .withPeriodSeconds(2).endReadinessProbe()
                .build();
    }

    /**
     * Every part's file and the peers file in one directory; and the namespaces' mount points and
     * netlab's record on volumes of the pod's life: they outlive a crashed container, whose
     * successor finds the record and cleans up, and go with the pod.
     */
    private static List<Volume> volumes(KubeNames names, int parts) {
        List<VolumeProjection> sources = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            sources.add(new VolumeProjectionBuilder().withNewConfigMap().withName(names.partConfigMap(part))
                    .addNewItem().withKey(LabConfigMaps.PART_KEY).withPath("p" + part + ".topo").endItem()
                    .endConfigMap().build());
        }
        sources.add(new VolumeProjectionBuilder().withNewConfigMap().withName(names.peersConfigMap())
                .addNewItem().withKey(LabConfigMaps.PEERS_KEY).withPath("peers").endItem()
                .endConfigMap().build());
        return List.of(
                new VolumeBuilder().withName("parts").withNewProjected().withSources(sources).endProjected().build(),
                new VolumeBuilder().withName("netns").withNewEmptyDir().endEmptyDir().build(),
                new VolumeBuilder().withName("state").withNewEmptyDir().endEmptyDir().build());
    }
}

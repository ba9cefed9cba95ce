package netlab.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The printed YAML read back by fabric8's own serializer into its typed model: the fields that
 * make a lab run are there, and the objects name each other rightly.
 */
class LabObjectsParsedTest {
    static List<HasMetadata> objects;
    static List<ConfigMap> configMaps;
    static Service service;
    static StatefulSet statefulSet;
    static PodSpec pod;
    static Container agent;

    @BeforeAll
    static void parse() {
        objects = ObjectsYaml.SERIALIZATION.unmarshal(LabYamlTest.yaml());
        configMaps = objects.stream().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).toList();
        service = (Service) objects.get(4);
        statefulSet = (StatefulSet) objects.get(5);
        pod = statefulSet.getSpec().getTemplate().getSpec();
        agent = pod.getContainers().getFirst();
    }

    @Test
    void partsThenPeersThenServiceThenStatefulSet() {
        assertThat(objects).extracting(HasMetadata::getKind)
                .containsExactly("ConfigMap", "ConfigMap", "ConfigMap", "ConfigMap", "Service", "StatefulSet");
        assertThat(objects).extracting(object -> object.getMetadata().getName())
                .containsExactly("netlab-tri-1-p0", "netlab-tri-1-p1", "netlab-tri-1-p2", "netlab-tri-1-peers", "netlab-tri-1",
                        "netlab-tri-1");
    }

    @Test
    void everyObjectCarriesTheLabsLabelsAnnotationAndNamespace() {
        for (HasMetadata object : objects) {
            assertThat(object.getMetadata().getLabels()).isEqualTo(Map.of("app.kubernetes.io/name", "netlab",
                    "app.kubernetes.io/instance", "tri-1", "netlab.dev/lab", "tri-1"));
            assertThat(object.getMetadata().getAnnotations()).containsEntry("netlab.dev/lab-name", "Tri_1");
            assertThat(object.getMetadata().getNamespace()).isEqualTo("labs");
        }
        assertThat(statefulSet.getSpec().getTemplate().getMetadata().getLabels()).isEqualTo(objects.getFirst().getMetadata().getLabels());
    }

    @Test
    void eachPartsFileIsInItsConfigMap() {
        List<String> files = new FakeLab("Tri_1", 3, 3).render(4096);
        for (int part = 0; part < 3; part++) {
            assertThat(configMaps.get(part).getData()).containsExactly(Map.entry("part.topo", files.get(part)));
        }
    }

    @Test
    void peersNamesEachPartsPodUnderTheHeadlessService() {
        assertThat(configMaps.get(3).getData().get("peers").lines()).containsExactly(
                "192.0.2.1 netlab-tri-1-0.netlab-tri-1.labs.svc.cluster.local",
                "192.0.2.2 netlab-tri-1-1.netlab-tri-1.labs.svc.cluster.local",
                "192.0.2.3 netlab-tri-1-2.netlab-tri-1.labs.svc.cluster.local");
        // POD.SERVICE.NS.svc.cluster.local exists because the StatefulSet names the Service.
        assertThat(statefulSet.getSpec().getServiceName()).isEqualTo(service.getMetadata().getName());
        assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
        assertThat(service.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(statefulSet.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
    }

    @Test
    void onePodPerPartInParallelSelectedByTheLab() {
        assertThat(statefulSet.getSpec().getReplicas()).isEqualTo(3);
        assertThat(statefulSet.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        assertThat(statefulSet.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(statefulSet.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void onePartPerNodeOnTheNodesNetwork() {
        assertThat(pod.getHostNetwork()).isTrue();
        assertThat(pod.getDnsPolicy()).isEqualTo("ClusterFirstWithHostNet");
        assertThat(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution()).isEmpty();
        List<PodAffinityTerm> terms = pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
        assertThat(terms).hasSize(1);
        assertThat(terms.getFirst().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
        assertThat(terms.getFirst().getLabelSelector().getMatchLabels()).containsExactly(Map.entry("netlab.dev/lab", "tri-1"));
        assertThat(statefulSet.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(terms.getFirst().getLabelSelector().getMatchLabels());
    }

    @Test
    void theAgentRunsItsOrdinalsPartAndHolds() {
        assertThat(agent.getImage()).isEqualTo("registry.example/netlab:test");
        assertThat(agent.getArgs()).containsExactly("up", "/etc/netlab/parts/p$(PART).topo", "--hold", "--peers",
                "/etc/netlab/parts/peers", "--ready-file", "/tmp/netlab-ready");
        assertThat(agent.getEnv()).hasSize(1);
        assertThat(agent.getEnv().getFirst().getName()).isEqualTo("PART");
        assertThat(agent.getEnv().getFirst().getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.labels['apps.kubernetes.io/pod-index']");
        assertThat(agent.getSecurityContext().getPrivileged()).isTrue();
        assertThat(agent.getReadinessProbe().getExec().getCommand()).containsExactly("test", "-e", "/tmp/netlab-ready");
        assertThat(pod.getTerminationGracePeriodSeconds()).isEqualTo(60L);
    }

    @Test
    void everyPartsFileAndThePeersAreMountedWhereTheArgsLook() {
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, Function.identity()));
        Map<String, VolumeMount> mounts = agent.getVolumeMounts().stream()
                .collect(Collectors.toMap(VolumeMount::getMountPath, Function.identity()));
        assertThat(mounts).containsOnlyKeys("/etc/netlab/parts", "/run/netns", "/run/netlab");
        assertThat(mounts.get("/etc/netlab/parts").getReadOnly()).isTrue();

        List<VolumeProjection> sources = volumes.get(mounts.get("/etc/netlab/parts").getName()).getProjected().getSources();
        assertThat(sources).extracting(source -> source.getConfigMap().getName())
                .containsExactlyElementsOf(configMaps.stream().map(map -> map.getMetadata().getName()).toList());
        for (int i = 0; i < sources.size(); i++) {
            var items = sources.get(i).getConfigMap().getItems();
            assertThat(items).hasSize(1);
            // Each item's key is in the ConfigMap it names, and lands where the args look.
            assertThat(configMaps.get(i).getData()).containsKey(items.getFirst().getKey());
            assertThat(items.getFirst().getPath()).isEqualTo(i < 3 ? "p" + i + ".topo" : "peers");
        }
    }

    @Test
    void namespacesAndNetlabsRecordLiveAsLongAsThePod() {
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, Function.identity()));
        for (String path : List.of("/run/netns", "/run/netlab")) {
            VolumeMount mount = agent.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst().orElseThrow();
            assertThat(volumes.get(mount.getName()).getEmptyDir()).as(path).isNotNull();
            assertThat(mount.getReadOnly()).as(path).isNotEqualTo(Boolean.TRUE);
        }
    }
}

package netlab.kube.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import netlab.error.LabStateException;
import netlab.kube.KubeNames;
import org.junit.jupiter.api.Test;

/** VNI blocks claimed through ConfigMaps on fabric8's mock API server in CRUD mode (a fresh one per test). */
@EnableKubernetesMockClient(crud = true)
class VniClaimsTest {
    KubernetesClient client;

    private VniClaims.Claim claim(String lab, int vnis) {
        return new VniClaims(client).claim(KubeNames.of(lab), "labs", vnis);
    }

    /** The claims on the cluster, by name. */
    private List<String> claims() {
        return client.configMaps().inNamespace(VniClaims.NAMESPACE).list().getItems().stream()
                .map(map -> map.getMetadata().getName()).sorted().toList();
    }

    @Test
    void twoLabsGetDisjointBlocks() {
        VniClaims.Claim a = claim("a", 3);
        VniClaims.Claim b = claim("b", 4096);

        assertThat(a).isEqualTo(new VniClaims.Claim(1, 1));
        assertThat(a.vniBase()).isEqualTo(4096);
        assertThat(b).isEqualTo(new VniClaims.Claim(2, 1));
        assertThat(b.vniBase()).isEqualTo(8192);
        assertThat(claims()).containsExactly("netlab-vni-block-1", "netlab-vni-block-2");
        ConfigMap first = client.configMaps().inNamespace(VniClaims.NAMESPACE).withName("netlab-vni-block-1").get();
        assertThat(first.getMetadata().getAnnotations()).containsEntry(VniClaims.OWNER, "labs/a").containsEntry("netlab.dev/lab-name", "a");
        assertThat(first.getData()).containsEntry("vnis", "4096-8191");
    }

    @Test
    void aLabNeedingMoreThanOneBlockGetsConsecutiveOnes() {
        claim("a", 1);
        claim("b", 1);
        new VniClaims(client).delete(List.of("netlab-vni-block-1"));

        // Block 1 is free again, but alone: 4097 VNIs need two in a row.
        assertThat(claim("big", 4097)).isEqualTo(new VniClaims.Claim(3, 2));
        assertThat(claim("c", 10)).isEqualTo(new VniClaims.Claim(1, 1));
        assertThat(claims()).containsExactly("netlab-vni-block-1", "netlab-vni-block-2", "netlab-vni-block-3", "netlab-vni-block-4");
    }

    @Test
    void aBlockTakenBySomethingThatListsAsNoClaimIsSkipped() {
        // Made by hand, or by an up that created it after this one listed: the creation is refused (409).
        client.configMaps().inNamespace(VniClaims.NAMESPACE)
                .resource(new ConfigMapBuilder().withNewMetadata().withName("netlab-vni-block-2").endMetadata().build()).create();

        // Blocks 1 and 2 first: 1 is made, 2 refused; 1 is given back, and 3 and 4 taken.
        assertThat(claim("big", 5000)).isEqualTo(new VniClaims.Claim(3, 2));
        assertThat(claim("small", 1)).isEqualTo(new VniClaims.Claim(1, 1));
        assertThat(claims()).containsExactly("netlab-vni-block-1", "netlab-vni-block-2", "netlab-vni-block-3", "netlab-vni-block-4");
        // The one made by hand is as it was.
        assertThat(client.configMaps().inNamespace(VniClaims.NAMESPACE).withName("netlab-vni-block-2").get().getMetadata().getLabels())
                .isNullOrEmpty();
    }

    @Test
    void noVniNoClaim() {
        assertThat(claim("flat", 0)).isEqualTo(new VniClaims.Claim(VniBlocks.FIRST, 0));
        assertThat(claims()).isEmpty();
    }

    @Test
    void aLabTooBigForWhatIsLeftIsALabStateProblem() {
        assertThatThrownBy(() -> claim("huge", (VniBlocks.LAST + 1) * VniBlocks.SIZE))
                .isInstanceOf(LabStateException.class).hasMessageContaining("needs 4096 consecutive VNI blocks");
        assertThat(claims()).isEmpty();
    }

    @Test
    void aLabsClaimsAreThoseOfItsNameAndNamespace() {
        claim("a", 1);
        new VniClaims(client).claim(KubeNames.of("a"), "other", 1);
        claim("b", 1);

        assertThat(new VniClaims(client).owned(KubeNames.of("a"), "labs")).extracting(map -> map.getMetadata().getName())
                .containsExactly("netlab-vni-block-1");
    }
}

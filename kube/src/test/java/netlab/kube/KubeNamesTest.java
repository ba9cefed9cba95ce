package netlab.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import netlab.error.FailureKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A netlab lab name to the names of its objects: DNS-1123 labels, or a refusal (exit 3). */
class KubeNamesTest {
    @Test
    void upperCaseBecomesLowerAndUnderscoresAndDotsBecomeHyphens() {
        KubeNames names = KubeNames.of("Star_2000.v1");

        assertThat(names.dns()).isEqualTo("star-2000-v1");
        assertThat(names.lab()).isEqualTo("Star_2000.v1");
        assertThat(names.base()).isEqualTo("netlab-star-2000-v1");
        assertThat(names.partConfigMap(2)).isEqualTo("netlab-star-2000-v1-p2");
        assertThat(names.peersConfigMap()).isEqualTo("netlab-star-2000-v1-peers");
        assertThat(names.pod(2)).isEqualTo("netlab-star-2000-v1-2");
        assertThat(names.podDns(2, "labs")).isEqualTo("netlab-star-2000-v1-2.netlab-star-2000-v1.labs.svc.cluster.local");
    }

    @Test
    void theLongestNameFitsTheStatefulSetsLimit() {
        KubeNames names = KubeNames.of("a".repeat(KubeNames.MAX_LENGTH));

        // Its pods' controller-revision-hash label is NAME-HASH (10 characters), at most 63.
        assertThat(names.base()).hasSize(52);
        assertThat(names.pod(63)).hasSizeLessThanOrEqualTo(63);
        assertThatThrownBy(() -> KubeNames.of("a".repeat(KubeNames.MAX_LENGTH + 1)))
                .isInstanceOf(KubeNameException.class).hasMessageContaining("longer than 45");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_lab", "lab_", "lab.", "lab-", "la b", "lab/x", "läb", ""})
    void aNameThatCannotBeMappedIsATopologyError(String lab) {
        assertThatThrownBy(() -> KubeNames.of(lab))
                .isInstanceOfSatisfying(KubeNameException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.TOPOLOGY_FILE))
                .hasMessageStartingWith("netlab: lab name '" + lab + "' cannot name Kubernetes objects: ");
    }
}

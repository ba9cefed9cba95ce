package netlab.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import netlab.kernel.KernelFeatures;
import org.junit.jupiter.api.Test;

/**
 * doctor's kernel lines for a kernel described by its configuration (this machine's kernel has
 * every feature that some labs only need, except netem, so DoctorTest alone cannot show them).
 */
class KernelChecksTest {
    private static final List<String> EVERY_LAB_FEATURE = List.of("CONFIG_VETH=y", "CONFIG_BRIDGE=m", "CONFIG_MACVLAN=m",
            "CONFIG_NF_TABLES=m", "CONFIG_NFT_NAT=m", "CONFIG_NFT_MASQ=m");

    private static List<String> lines(List<String> config, boolean labFeatures) {
        return KernelChecks.check(KernelFeatures.ofConfiguration(config), labFeatures).stream().map(Finding::line).toList();
    }

    @Test
    void aKernelWithoutVxlanIsAWarningNamingTheSplitLabsThatNeedIt() {
        List<String> config = new ArrayList<>(EVERY_LAB_FEATURE);
        config.addAll(List.of("CONFIG_NET_SCH_NETEM=m", "CONFIG_NET_SCH_TBF=m", "CONFIG_NFT_NUMGEN=m", "# CONFIG_VXLAN is not set"));

        assertThat(lines(config, true)).containsExactly("warning: the kernel has no vxlan (CONFIG_VXLAN), so vxlan tunnels"
                + " (a lab split over machines) cannot be made; fix: install a kernel built with CONFIG_VXLAN=y or =m");
    }

    @Test
    void aKernelWithEverythingSaysNothing() {
        List<String> config = new ArrayList<>(EVERY_LAB_FEATURE);
        config.addAll(List.of("CONFIG_NET_SCH_NETEM=m", "CONFIG_NET_SCH_TBF=y", "CONFIG_NFT_NUMGEN=m", "CONFIG_VXLAN=m"));

        assertThat(lines(config, true)).isEmpty();
    }

    @Test
    void whatRootTriedForRealIsNotReadAgainButTheOptionalFeaturesAre() {
        assertThat(lines(List.of(), false)).hasSize(4).allMatch(line -> line.startsWith("warning: "))
                .anyMatch(line -> line.contains("(CONFIG_VXLAN)"));
        assertThat(lines(List.of(), true)).hasSize(10).filteredOn(line -> line.startsWith("problem: ")).hasSize(6);
    }
}

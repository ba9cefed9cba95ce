package netlab.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import netlab.error.FailureKind;
import netlab.executor.step.Step;
import netlab.executor.step.Steps;
import netlab.kernel.KernelFeatures;
import netlab.plan.Planner;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.Test;

/**
 * What up refuses before it changes anything, on a kernel described by its configuration: each
 * feature a lab's lines need and the kernel lacks is named once, with the first use that needs it.
 */
class KernelSupportTest {
    private static final String VXLAN_LAB = """
            lab t
            node a
              vxlan vx0 vni 42 remote 192.0.2.2 underlay host
              vxlan vx1 vni 43 remote 192.0.2.3 underlay host
              address vx0 10.0.0.1/24
            """;

    private static List<Step> steps(String text) {
        return Steps.of(Planner.plan(TopologyReader.parse("t.topo", text)));
    }

    @Test
    void aVxlanOnAKernelWithoutTheModuleIsRefusedInOneLine() {
        KernelFeatures without = KernelFeatures.ofConfiguration(List.of("CONFIG_VETH=y", "# CONFIG_VXLAN is not set"));

        assertThatThrownBy(() -> KernelSupport.require("t", steps(VXLAN_LAB), without))
                .isInstanceOfSatisfying(KernelSupport.MissingKernelFeature.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.KERNEL))
                .hasMessage("lab t: a vxlan needs the kernel's vxlan module (modprobe vxlan), which this kernel does not have;"
                        + " netlab doctor lists what it lacks");
    }

    @Test
    void aVxlanOnAKernelWithTheModuleGoesOn() {
        for (String has : List.of("CONFIG_VXLAN=m", "CONFIG_VXLAN=y")) {
            assertThatCode(() -> KernelSupport.require("t", steps(VXLAN_LAB), KernelFeatures.ofConfiguration(List.of(has))))
                    .as(has).doesNotThrowAnyException();
        }
    }

    @Test
    void aLabWithoutVxlansNeedsNoModuleForThem() {
        assertThatCode(() -> KernelSupport.require("t", steps("lab t\nnode a\n  link eth0 to b:eth0\nnode b\n"),
                KernelFeatures.ofConfiguration(List.of("# CONFIG_VXLAN is not set")))).doesNotThrowAnyException();
    }

    @Test
    void everyMissingFeatureIsNamedOnceInTheOrderTheLabUsesThem() {
        String text = VXLAN_LAB + "  link eth0 to b:eth0\n  impair eth0 loss 5%\nnode b\n  impair eth0 loss 1%\n";

        assertThatThrownBy(() -> KernelSupport.require("t", steps(text), KernelFeatures.ofConfiguration(List.of())))
                .hasMessage("lab t: a vxlan needs the kernel's vxlan module (modprobe vxlan); loss needs the kernel's"
                        + " nft_numgen module (modprobe nft_numgen), which this kernel does not have;"
                        + " netlab doctor lists what it lacks");
    }
}

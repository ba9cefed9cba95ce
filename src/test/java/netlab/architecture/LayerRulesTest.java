package netlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's rules (docs/architecture.md), checked on the compiled classes of both modules, so
 * that a fully qualified name or a reflective shortcut cannot slip past them as it could past a
 * grep of imports. Each layer uses only the layers below it; nothing uses the command line.
 */
class LayerRulesTest {
    private static JavaClasses netlab;

    @BeforeAll
    static void importTheMainClasses() {
        netlab = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("netlab");
    }

    @Test
    void everyLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cli").definedBy("netlab.cli..")
                .layer("check").definedBy("netlab.check..")
                .layer("graph").definedBy("netlab.graph..")
                .layer("doctor").definedBy("netlab.doctor..")
                .layer("executor").definedBy("netlab.executor..")
                .layer("plan").definedBy("netlab.plan..")
                .layer("partition").definedBy("netlab.partition..")
                .layer("topology").definedBy("netlab.topology..")
                .layer("state").definedBy("netlab.state..")
                .layer("kernel").definedBy("netlab.kernel..")
                .layer("sys").definedBy("netlab.sys..")
                .layer("codec").definedBy("netlab.netlink..")
                .layer("error").definedBy("netlab.error..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyAccessLayers("check", "graph", "doctor", "executor", "plan", "partition", "topology",
                        "state", "kernel", "sys", "error")
                .whereLayer("check").mayOnlyAccessLayers("topology", "state", "kernel", "error")
                .whereLayer("graph").mayOnlyAccessLayers("executor", "topology", "error")
                .whereLayer("doctor").mayOnlyAccessLayers("executor", "topology", "kernel", "sys", "codec", "error")
                .whereLayer("executor").mayOnlyAccessLayers("plan", "topology", "state", "kernel", "sys", "codec", "error")
                .whereLayer("plan").mayOnlyAccessLayers("topology", "error")
                .whereLayer("partition").mayOnlyAccessLayers("topology", "error")
                .whereLayer("topology").mayOnlyAccessLayers("error")
                .whereLayer("state").mayOnlyAccessLayers("sys", "error")
                .whereLayer("kernel").mayOnlyAccessLayers("codec", "sys", "error")
                .whereLayer("sys").mayOnlyAccessLayers("error")
                .whereLayer("codec").mayNotAccessAnyLayer()
                .whereLayer("error").mayNotAccessAnyLayer()
                .check(netlab);
    }

    @Test
    void theStepsDoNotReachBackIntoTheExecutorThatRunsThem() {
        noClasses().that().resideInAPackage("netlab.executor.step..")
                .should().dependOnClassesThat().resideInAPackage("netlab.executor")
                .check(netlab);
    }

    @Test
    void theTopologyModelDoesNotKnowTheLanguageThatProducesIt() {
        noClasses().that().resideInAPackage("netlab.topology")
                .should().dependOnClassesThat().resideInAPackage("netlab.topology.dsl..")
                .check(netlab);
    }

    /**
     * The writer turns the model back into the language's text by itself, so it can be given any
     * lab, a part of one included, without the reader or anything above the model.
     */
    @Test
    void theTopologyWriterUsesOnlyTheModel() {
        classes().that().resideInAPackage("netlab.topology.write..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("netlab.topology", "netlab.topology.write..", "java..")
                .check(netlab);
    }

    @Test
    void onlySysCallsTheForeignFunctionApi() {
        noClasses().that().resideOutsideOfPackage("netlab.sys..")
                .should().dependOnClassesThat().resideInAPackage("java.lang.foreign..")
                .check(netlab);
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("netlab.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(netlab);
    }

    @Test
    void onlyTheCodecAndTheKernelAccessUseNetty() {
        noClasses().that().resideOutsideOfPackages("netlab.netlink..", "netlab.kernel..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(netlab);
    }

    /**
     * No shelling out: the product starts programs only to run what a user asked for in a node
     * (NodeExec), the util-linux and slirp4netns processes of a held lab (README, "Without root"),
     * and Graphviz's dot for a picture (GraphvizDot).
     */
    @Test
    void onlyHeldLabsNodeExecAndGraphvizStartProcesses() {
        noClasses().that().resideOutsideOfPackage("netlab.executor.held..")
                .and().doNotHaveFullyQualifiedName("netlab.kernel.NodeExec")
                .and().doNotHaveFullyQualifiedName("netlab.graph.GraphvizDot")
                .should().dependOnClassesThat().areAssignableTo(ProcessBuilder.class)
                .check(netlab);
    }

    @Test
    void theRulesSeeEveryLayer() {
        for (String layer : new String[] {"netlab.cli", "netlab.check", "netlab.graph", "netlab.doctor", "netlab.executor", "netlab.executor.step", "netlab.executor.held", "netlab.plan",
                "netlab.topology", "netlab.topology.dsl", "netlab.topology.warnings", "netlab.topology.write", "netlab.state", "netlab.kernel", "netlab.kernel.probe", "netlab.sys", "netlab.netlink",
                "netlab.netlink.route", "netlab.netlink.nftables", "netlab.error"}) {
            assertThat(netlab.stream().filter(c -> c.getPackageName().equals(layer)).count()).as(layer).isPositive();
        }
    }
}

package netlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import netlab.testing.KernelTest;
import netlab.testing.KernelTraces;
import netlab.testing.NetlabRunner;
import netlab.testing.NetlabRunner.Run;
import netlab.testing.ShippedTopologies;
import netlab.topology.dsl.TopologyReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped lab carries the expectations its document shows, and {@code netlab test FILE}
 * brings it up, finds them all met, writes a JUnit report a CI system accepts, and takes the lab
 * down leaving nothing.
 */
@KernelTest
class SeedLabsCheckThemselvesTest {
    @TempDir
    Path reports;

    @TestFactory
    Stream<DynamicTest> everyShippedLabPassesItsExpectations() {
        return ShippedTopologies.machineWide().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            var lab = TopologyReader.read(file);
            int expectations = lab.expectations().size();
            assertThat(expectations).as("expect statements in %s", file).isPositive();
            KernelTraces before = KernelTraces.names();
            Path junit = reports.resolve(file.getFileName() + ".xml");

            Run test = NetlabRunner.inProcess("test", file.toString(), "--junit", junit.toString());

            assertThat(test.exitCode()).as("netlab test %s:%n%s%s", file, test.out(), test.err()).isZero();
            assertThat(test.out().lines().filter(line -> line.startsWith("pass  "))).hasSize(expectations);
            assertThat(test.out().lines().toList().getLast())
                    .startsWith("lab " + lab.name() + ": " + expectations + " of " + expectations + " expectations passed (");
            assertThat(test.err()).contains("is down");
            assertThat(KernelTraces.names()).isEqualTo(before);
            JunitSchema.validate(junit);
            assertThat(Files.readString(junit)).contains("tests=\"" + expectations + "\" failures=\"0\"");
        }));
    }

    /** The JUnit XML CI systems read (src/test/resources/junit/junit-report.xsd). */
    static final class JunitSchema {
        private JunitSchema() {}

        static void validate(Path report) throws Exception {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(Path.of("test/resources/junit/junit-report.xsd").toFile())
                    .newValidator().validate(new StreamSource(report.toFile()));
        }
    }
}

package netlab.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import netlab.check.TestRun;
import netlab.check.Verdict;

/**
 * {@code netlab test --junit OUT.xml}: the JUnit XML that CI systems and graders read (Ant's
 * format as Jenkins, GitLab and GitHub's test reporters take it): one testsuite for the lab, one
 * testcase per expectation named by where it was written and what it says, a failure element
 * carrying the message.
 */
final class JunitReport {
    private JunitReport() {}

    /** The report as XML text. */
    static String render(TestRun run, Instant started) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            counts(xml, run);
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "netlab test " + run.lab());
            counts(xml, run);
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("timestamp", started.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
            xml.writeAttribute("hostname", hostname());
            for (Verdict verdict : run.verdicts()) {
                testcase(xml, run, verdict);
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML into a string cannot fail", e);
        }
        return text.toString();
    }

    private static void counts(XMLStreamWriter xml, TestRun run) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(run.verdicts().size()));
        xml.writeAttribute("failures", Long.toString(run.failed()));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("time", seconds(run.took().toNanos()));
    }

    private static void testcase(XMLStreamWriter xml, TestRun run, Verdict verdict) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        boolean failed = !verdict.passed();
        if (failed) {
            xml.writeStartElement("testcase");
        } else {
            xml.writeEmptyElement("testcase");
        }
        xml.writeAttribute("classname", "netlab." + run.lab());
        xml.writeAttribute("name", TestReportText.location(verdict.expectation().source()) + " "
                + verdict.expectation().text());
        xml.writeAttribute("time", seconds(verdict.took().toNanos()));
        if (failed) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("failure");
            xml.writeAttribute("message", verdict.seen());
            xml.writeAttribute("type", "expectation");
            xml.writeCharacters(verdict.expectation().source() + ": expect " + verdict.expectation().text() + ": "
                    + verdict.seen());
            xml.writeEndElement();
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }
}

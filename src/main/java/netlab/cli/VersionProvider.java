package netlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into {@code netlab/version.properties} at build time. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        // ipspace's lab tool is a "netlab" too: the first line says which one answered.
        return new String[] {"netlab " + version() + " (netlab lab orchestrator, Java " + Runtime.version() + ")"};
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/netlab/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

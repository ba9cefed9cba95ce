package netlab.kube.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The agents' image when {@code --image} names none: {@code netlab:VERSION}, this build's version. */
final class DefaultImage {
    private DefaultImage() {}

    static String name() {
        try (InputStream in = DefaultImage.class.getResourceAsStream("/netlab/kube/version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return "netlab:" + properties.getProperty("version", "latest");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

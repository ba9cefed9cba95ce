package netlab.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Objects as one multi-document YAML text (kubectl apply -f takes it): fabric8's serializer
 * makes each object maps and lists, written as fabric8 writes them but for text a literal block
 * cannot carry exactly, which is double-quoted with escapes ({@link QuotingRepresenter}).
 */
public final class ObjectsYaml {
    /** fabric8's serializer, as its client uses it (its static Serialization is deprecated). */
    public static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /**
     * fabric8's settings in KubernetesSerialization.asYaml (each document opens with ---, all in
     * block style), and ASCII only: with Unicode on, snakeyaml-engine writes LS, PS and a BOM
     * unescaped even inside double quotes, where YAML 1.1 readers fold the first two into spaces.
     */
    private static final DumpSettings SETTINGS = DumpSettings.builder().setExplicitStart(true)
            .setDefaultFlowStyle(FlowStyle.BLOCK).setUseUnicodeEncoding(false).build();

    private ObjectsYaml() {}

    public static String of(List<? extends HasMetadata> objects) {
        StringBuilder yaml = new StringBuilder();
        for (HasMetadata object : objects) {
            Dump dump = new Dump(SETTINGS, new QuotingRepresenter(SETTINGS));
            yaml.append(dump.dumpToString(SERIALIZATION.convertValue(object, Object.class)));
        }
        return yaml.toString();
    }
}

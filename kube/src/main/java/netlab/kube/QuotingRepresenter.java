package netlab.kube;

import java.util.Map;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * Scalars as fabric8 writes them (KubernetesSerialization.asYaml): strings double-quoted, but
 * keys plain unless one of y, Y, n, N, which YAML 1.1 reads as booleans; a multi-line string in
 * a literal block. Except that a string goes into a block only when the block carries it exactly
 * ({@link LiteralBlock}); otherwise it is double-quoted, with escapes. One per document: it keeps
 * state while it walks one.
 */
final class QuotingRepresenter extends StandardRepresenter {
    private boolean quoteStrings = true;

    QuotingRepresenter(DumpSettings settings) {
        super(settings);
    }

    @Override
    protected NodeTuple representMappingEntry(Map.Entry<?, ?> entry) {
        quoteStrings = !(entry.getKey() instanceof String key) || key.length() == 1 && "yYnN".contains(key);
        Node key = representData(entry.getKey());
        quoteStrings = true;
        return new NodeTuple(key, representData(entry.getValue()));
    }

    @Override
    protected Node representScalar(Tag tag, String value, ScalarStyle style) {
        ScalarStyle chosen = switch (style) {
            case PLAIN -> quoteStrings && Tag.STR.equals(tag) ? ScalarStyle.DOUBLE_QUOTED : defaultScalarStyle;
            case LITERAL -> LiteralBlock.carries(value) ? ScalarStyle.LITERAL : ScalarStyle.DOUBLE_QUOTED;
            default -> style;
        };
        return new ScalarNode(tag, value, chosen);
    }
}

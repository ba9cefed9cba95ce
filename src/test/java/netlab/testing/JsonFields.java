package netlab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * One JSON object of an oracle ({@code ip -j}, {@code nft -j}) as flat, sorted fields, so that
 * two of them can be compared field by field: nested objects become dotted paths
 * ({@code linkinfo.info_data.mode}), lists of plain values one comma-separated value
 * ({@code flags = BROADCAST,MULTICAST,UP,LOWER_UP}), lists of objects (an nf_tables rule's
 * expressions) their compact JSON.
 */
public final class JsonFields {
    private JsonFields() {}

    public static Map<String, String> of(JsonNode object) {
        Map<String, String> fields = new TreeMap<>();
        flatten("", object, fields);
        return fields;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> into) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(field -> flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                    field.getValue(), into));
        } else if (node.isArray() && node.valueStream().allMatch(JsonNode::isValueNode)) {
            into.put(path, String.join(",", node.valueStream().map(JsonNode::asText).toList()));
        } else if (node.isContainerNode()) {
            into.put(path, node.toString());
        } else {
            into.put(path, node.asText());
        }
    }
}

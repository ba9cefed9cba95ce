package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What JsonWriter writes, read back by Jackson: escapes, nesting, empty containers, nulls. */
class JsonWriterTest {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void awkwardStringsAndShapesReadBackAsWritten() throws Exception {
        String awkward = "quote \" backslash \\ newline \n tab \t bell \u0007 é 😀";
        String text = new JsonWriter().beginObject()
                .name("s").value(awkward)
                .name("n").value(-42L)
                .name("b").value(false)
                .name("absent").value(Optional.empty())
                .name("present").value(Optional.of("x"))
                .name("empty").beginArray().endArray()
                .name("nested").beginArray().beginObject().endObject().beginArray().value(1).value(2).endArray().endArray()
                .endObject().toString();

        JsonNode json = STRICT.readTree(text);

        assertThat(json.get("s").asText()).isEqualTo(awkward);
        assertThat(json.get("n").asLong()).isEqualTo(-42);
        assertThat(json.get("b").isBoolean()).isTrue();
        assertThat(json.get("absent").isNull()).isTrue();
        assertThat(json.get("present").asText()).isEqualTo("x");
        assertThat(json.get("empty").isArray()).isTrue();
        assertThat(json.get("empty")).isEmpty();
        assertThat(json.get("nested").toString()).isEqualTo("[{},[1,2]]");
        assertThat(text).contains("\\u0007").doesNotContain("\u0007");
    }
}

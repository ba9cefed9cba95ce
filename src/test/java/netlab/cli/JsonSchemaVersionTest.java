package netlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import netlab.check.TestRun;
import netlab.executor.LabView;
import org.junit.jupiter.api.Test;

/**
 * Every JSON document netlab prints (show, test, pingall, ls) opens with {@code schema_version},
 * the same number in all. The documents here are empty ones; the kernel tests read full ones.
 */
class JsonSchemaVersionTest {
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static void opensWithTheVersion(String document) throws Exception {
        JsonNode json = STRICT.readTree(document);
        assertThat(json.fieldNames().next()).isEqualTo("schema_version");
        assertThat(json.get("schema_version").isInt()).isTrue();
        assertThat(json.get("schema_version").asInt()).isEqualTo(1);
    }

    @Test
    void showTestPingallAndLsEachOpenWithSchemaVersionOne() throws Exception {
        opensWithTheVersion(ShowJson.render(new LabView("lan", false, Optional.empty(), List.of())));
        opensWithTheVersion(TestReportJson.of(new TestRun("lan", List.of(), Duration.ZERO)));
        opensWithTheVersion(PingallReport.json("lan", List.of(), Duration.ZERO));
        opensWithTheVersion(LsJson.render(List.of()));
    }

    @Test
    void lsJsonWithNoLabIsAnEmptyList() {
        assertThat(LsJson.render(List.of())).isEqualTo("{\n  \"schema_version\": 1,\n  \"labs\": []\n}\n");
    }
}

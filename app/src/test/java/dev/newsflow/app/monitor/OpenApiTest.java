package dev.newsflow.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.newsflow.app.monitor.data.ActorPairs;
import dev.newsflow.app.monitor.data.ArticleView;
import dev.newsflow.app.monitor.data.FeedView;
import dev.newsflow.app.monitor.data.Story;
import dev.newsflow.app.monitor.data.Trend;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The OpenAPI file says what the code does: the same paths, parameters and response fields. */
class OpenApiTest {
  private static final JsonNode SPEC = read();
  private static final Map<String, Route> ROUTES = new MonitorApi(null, null, null, null, null, null, null, new ObjectMapper())
      .routes().stream().collect(Collectors.toMap(Route::path, r -> r, (a, b) -> a, TreeMap::new));

  private static JsonNode read() {
    try (InputStream in = OpenApiTest.class.getResourceAsStream(MonitorApi.OPENAPI)) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void documentsEveryRouteAndNothingElse() {
    Set<String> documented = new TreeSet<>();
    SPEC.path("paths").fieldNames().forEachRemaining(documented::add);
    assertThat(documented).isEqualTo(ROUTES.keySet());
  }

  @Test
  void documentsExactlyTheParametersEachRouteAccepts() {
    for (Route route : ROUTES.values()) {
      JsonNode get = SPEC.path("paths").path(route.path()).path("get");
      assertThat(get.isObject()).as("GET %s documented", route.path()).isTrue();
      Set<String> declared = new TreeSet<>();
      for (JsonNode p : get.path("parameters")) {
        JsonNode param = resolve(p);
        assertThat(param.path("in").asText()).as("%s parameter %s", route.path(), param.path("name")).isEqualTo("query");
        declared.add(param.path("name").asText());
      }
      assertThat(declared).as("parameters of %s", route.path()).isEqualTo(new TreeSet<>(route.params()));
      assertThat(get.path("responses").has("200")).as("%s documents its 200", route.path()).isTrue();
      if (!route.params().isEmpty()) {
        assertThat(get.path("responses").has("400")).as("%s documents its 400", route.path()).isTrue();
      }
    }
  }

  @Test
  void documentsTheFieldsOfEveryJsonRecord() {
    assertFields("Article", ArticleView.class);
    assertFields("Story", Story.class);
    assertFields("Feed", FeedView.class);
    assertFields("Trend", Trend.class);
    assertFields("ActorPairs", ActorPairs.class);
    assertFields("SearchHit", ArticleSearch.Hit.class);
  }

  private static void assertFields(String schema, Class<? extends Record> type) {
    Set<String> documented = new TreeSet<>();
    SPEC.path("components").path("schemas").path(schema).path("properties").fieldNames().forEachRemaining(documented::add);
    Set<String> serialized = Arrays.stream(type.getRecordComponents())
        .filter(c -> !c.getAccessor().isAnnotationPresent(JsonIgnore.class) && !c.isAnnotationPresent(JsonIgnore.class))
        .map(RecordComponent::getName).collect(Collectors.toCollection(HashSet::new));
    assertThat(documented).as("properties of schema %s vs %s", schema, type.getSimpleName()).isEqualTo(new TreeSet<>(serialized));
  }

  private static JsonNode resolve(JsonNode node) {
    if (!node.has("$ref")) {
      return node;
    }
    JsonNode target = SPEC;
    for (String part : node.get("$ref").asText().substring(2).split("/")) {
      target = target.path(part);
    }
    assertThat(target.isMissingNode()).as("reference %s resolves", node.get("$ref")).isFalse();
    return target;
  }
}

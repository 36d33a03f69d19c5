package dev.newsflow.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's bundled sample ({@code /demo/sample/manifest.json}): feeds and article pages of
 * invented outlets, made from the project's seed articles.
 */
public record SampleManifest(List<Resource> feeds, List<Resource> articles) {
  public static final String BASE = "/demo/sample/";

  /**
   * One served file.
   *
   * @param url the URL it is served at (through the sample server acting as a proxy)
   * @param file resource name under {@link #BASE}
   * @param contentType Content-Type header to send
   * @param title the article's headline (articles only)
   */
  public record Resource(String url, String file, String contentType, String title) {
    /** Host and path, lower-cased host, scheme ignored: how sink output is matched to the sample. */
    public String hostAndPath() {
      return hostAndPath(url);
    }

    public static String hostAndPath(String url) {
      URI u = URI.create(url);
      return u.getHost().toLowerCase(Locale.ROOT) + u.getRawPath();
    }
  }

  public static SampleManifest load() {
    try (InputStream in = SampleManifest.class.getResourceAsStream(BASE + "manifest.json")) {
      if (in == null) {
        throw new IllegalStateException("demo sample missing from the classpath: " + BASE + "manifest.json");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      return new SampleManifest(resources(root.path("feeds")), resources(root.path("articles")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Resource> resources(JsonNode array) {
    List<Resource> list = new ArrayList<>();
    for (JsonNode n : array) {
      list.add(new Resource(
          n.path("url").asText(),
          n.path("file").asText(),
          n.path("type").asText("text/html; charset=utf-8"),
          n.path("title").asText(null)));
    }
    return List.copyOf(list);
  }

  public List<String> feedUrls() {
    return feeds.stream().map(Resource::url).toList();
  }
}

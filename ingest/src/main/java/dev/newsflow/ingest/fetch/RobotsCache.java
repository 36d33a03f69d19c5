package dev.newsflow.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * robots.txt rules per host for article pages, parsed with crawler-commons and cached. As RFC 9309
 * says: a 4xx robots.txt allows everything; a server error or an unreachable robots.txt disallows
 * everything for a while (the pages are tried again at a later poll).
 */
public final class RobotsCache {
  private static final Duration TTL = Duration.ofHours(6);
  private static final Duration ERROR_TTL = Duration.ofMinutes(5);

  private record Entry(BaseRobotRules rules, Instant expires) {}

  private final Function<URI, FetchResult> fetch;
  private final String agentName;
  private final Clock clock;
  private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  /**
   * @param fetch fetches a robots.txt URL (the fetcher, with its limits and SSRF guard)
   * @param agentName the product token matched against {@code User-agent} lines, e.g. "newsflow"
   */
  public RobotsCache(Function<URI, FetchResult> fetch, String agentName, Clock clock) {
    this.fetch = fetch;
    this.agentName = agentName.toLowerCase(Locale.ROOT);
    this.clock = clock;
  }

  /** Whether robots.txt of {@code page}'s host allows fetching it. */
  public boolean allowed(URI page) {
    if (page.getHost() == null) {
      return false;
    }
    String origin = page.getScheme().toLowerCase(Locale.ROOT) + "://" + page.getRawAuthority().toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    Entry e = cache.get(origin);
    if (e == null || e.expires().isBefore(now)) {
      e = load(origin, now);
      cache.put(origin, e);
    }
    return e.rules().isAllowed(page.toString());
  }

  private Entry load(String origin, Instant now) {
    URI robots = URI.create(origin + "/robots.txt");
    FetchResult r = fetch.apply(robots);
    return switch (r) {
      case FetchResult.Fetched f -> new Entry(
          parser.parseContent(robots.toString(), f.body(), f.header("content-type"), List.of(agentName)), now.plus(TTL));
      case FetchResult.NotModified n -> new Entry(allowAll(), now.plus(TTL));
      case FetchResult.Failed f when f.httpCode() >= 400 && f.httpCode() < 500 -> new Entry(allowAll(), now.plus(TTL));
      case FetchResult.Failed f -> new Entry(
          new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), now.plus(ERROR_TTL));
    };
  }

  private static BaseRobotRules allowAll() {
    return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
  }
}

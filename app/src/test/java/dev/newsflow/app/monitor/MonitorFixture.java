package dev.newsflow.app.monitor;

import dev.newsflow.schemas.Actor;
import dev.newsflow.schemas.Dedup;
import dev.newsflow.schemas.DedupVerdict;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.EventTag;
import dev.newsflow.schemas.FeedState;
import dev.newsflow.schemas.FetchEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Records like those the demo's pipeline writes (a news day around the Korean peninsula, tagged
 * and deduplicated), for the monitor's tests: enriched articles spread over the last hours, copies
 * of some, and fetch events and feed state of healthy, failing and disabled feeds.
 */
final class MonitorFixture {
  static final String KOREA = "http://korea-monitor.example/feed.atom";
  static final String METRO = "http://metro-news.example/rss.xml";
  static final String PACIFIC = "http://pacific-wire.example/world.rss";
  static final String FAILING = "http://broken-outlet.example/feed.xml";
  static final String GONE = "http://gone-outlet.example/rss";

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("USA", "United States"), Map.entry("USAGOV", "United States government"), Map.entry("PRK", "North Korea"),
      Map.entry("PRKMIL", "North Korean military"), Map.entry("PRKGOV", "North Korean government"), Map.entry("KOR", "South Korea"),
      Map.entry("KORGOV", "South Korean government"), Map.entry("JPN", "Japan"), Map.entry("JPNGOV", "Japanese government"),
      Map.entry("CHN", "China"), Map.entry("CHNGOV", "Chinese government"), Map.entry("UNO", "United Nations"),
      Map.entry("RUS", "Russia"), Map.entry("EUR", "European Union"));

  private MonitorFixture() {}

  /** One event: type, source, target, the sentence that reports it. */
  record Ev(String type, String source, String target, String sentence) {}

  static EnrichedArticle article(String id, String source, String feed, String title, Instant fetched, String language,
      List<Ev> events) {
    return article(id, source, feed, title, fetched, language, events, DedupVerdict.UNIQUE, null, 1.0);
  }

  static EnrichedArticle article(String id, String source, String feed, String title, Instant fetched, String language,
      List<Ev> events, DedupVerdict verdict, String duplicateOf, double similarity) {
    TreeSet<String> codes = new TreeSet<>();
    TreeSet<String> types = new TreeSet<>();
    List<EventTag> tags = new ArrayList<>();
    int offset = 0;
    StringBuilder text = new StringBuilder();
    for (Ev e : events) {
      codes.add(e.source());
      codes.add(e.target());
      types.add(e.type());
      tags.add(EventTag.newBuilder().setType(e.type()).setSource(e.source()).setTarget(e.target()).setSentence(e.sentence())
          .setOffset(offset).setConfidence(0.8).build());
      text.append(e.sentence()).append("\n\n");
      offset = text.length();
    }
    List<Actor> actors = codes.stream().map(c -> Actor.newBuilder().setCode(c).setName(NAMES.getOrDefault(c, c))
        .setRole(c.length() > 3 ? c.substring(3) : null).setMentions(2).setSalience(0.5).build()).toList();
    return EnrichedArticle.newBuilder().setId(id).setUrl("http://" + host(feed) + "/news/" + id).setFeedUrl(feed)
        .setTitle(title).setText(text.append("More details follow in the full report.").toString())
        .setPublished(fetched.minusSeconds(600)).setFetchedAt(fetched).setEnrichedAt(fetched.plusSeconds(1)).setSource(source)
        .setAuthors(List.of()).setLanguage(language).setUpdated(false).setActors(actors).setEvents(tags)
        .setActorCodes(List.copyOf(codes)).setEventTypes(List.copyOf(types))
        .setDedup(Dedup.newBuilder().setVerdict(verdict).setDuplicateOf(duplicateOf)
            .setClusterId(duplicateOf == null ? id : duplicateOf).setSimilarity(similarity).build())
        .build();
  }

  private static String host(String feed) {
    return java.net.URI.create(feed).getHost();
  }

  /** A news day: first articles over the last 20 hours, with copies of two of them, in fetch order. */
  static List<EnrichedArticle> newsDay(Instant now) {
    List<EnrichedArticle> a = new ArrayList<>();
    a.add(article("a01", "Pacific Wire", PACIFIC, "US imposes new sanctions on suppliers of North Korea's missile programme",
        ago(now, 1), "en", List.of(new Ev("SANCTION", "USAGOV", "PRK",
            "The US Treasury imposed sanctions on three companies it said supplied North Korea's missile programme."))));
    a.add(article("a01c1", "Metro News", METRO, "US slaps sanctions on North Korean missile suppliers", ago(now, 0.6), "en",
        List.of(new Ev("SANCTION", "USAGOV", "PRK", "Washington imposed sanctions on three firms supplying North Korea's missile programme.")),
        DedupVerdict.NEAR_DUPLICATE, "a01", 0.86));
    a.add(article("a01c2", "Korea Monitor", KOREA, "US imposes new sanctions on suppliers of North Korea's missile programme",
        ago(now, 0.4), "en", List.of(new Ev("SANCTION", "USAGOV", "PRK",
            "The US Treasury imposed sanctions on three companies it said supplied North Korea's missile programme.")),
        DedupVerdict.DUPLICATE, "a01", 1.0));
    a.add(article("a02", "Korea Monitor", KOREA, "North Korea warns of 'overwhelming response' to joint drills", ago(now, 2.5), "en",
        List.of(new Ev("THREATEN", "PRKMIL", "KOR", "North Korea's military threatened an overwhelming response to the drills."),
            new Ev("ACCUSE", "PRKGOV", "USA", "Pyongyang accused Washington of rehearsing an invasion."))));
    a.add(article("a03", "Metro News", METRO, "Seoul and Tokyo hold talks on chip supply chains", ago(now, 4), "en",
        List.of(new Ev("CONSULT", "KORGOV", "JPNGOV", "South Korea's trade minister held talks with his Japanese counterpart in Tokyo."))));
    a.add(article("a04", "Pacific Wire", PACIFIC, "China urges restraint on the Korean peninsula", ago(now, 5.5), "en",
        List.of(new Ev("REQUEST", "CHNGOV", "PRK", "Beijing urged Pyongyang to show restraint."),
            new Ev("REQUEST", "CHNGOV", "USA", "China also urged Washington to avoid steps that raise tensions."))));
    a.add(article("a05", "Korea Monitor", KOREA, "UN Security Council to meet after missile launch", ago(now, 7), "en",
        List.of(new Ev("CONSULT", "UNO", "PRK", "The Security Council will meet on Thursday to discuss the launch."))));
    a.add(article("a06", "Metro News", METRO, "Seoul and Washington agree to expand summer exercises", ago(now, 8.5), "en",
        List.of(new Ev("AGREE", "KORGOV", "USAGOV", "Seoul and Washington agreed to expand their summer exercises."),
            new Ev("COOPERATE", "USA", "KOR", "The allies will work together on missile warning data."))));
    a.add(article("a07", "Pacific Wire", PACIFIC, "North Korea fires ballistic missile into the sea, Japan says", ago(now, 10), "en",
        List.of(new Ev("ASSAULT", "PRKMIL", "JPN", "North Korea fired a ballistic missile that fell into the sea off Japan's coast."),
            new Ev("PROTEST", "JPNGOV", "PRK", "Tokyo lodged a protest through diplomatic channels."))));
    a.add(article("a07c1", "Metro News", METRO, "North Korea fires ballistic missile, Japan protests", ago(now, 9.5), "en",
        List.of(new Ev("ASSAULT", "PRKMIL", "JPN", "North Korea fired a ballistic missile that fell into the sea off Japan.")),
        DedupVerdict.NEAR_DUPLICATE, "a07", 0.81));
    a.add(article("a08", "Korea Monitor", KOREA, "Pyongyang rejects Seoul's offer of military talks (Korean edition)", ago(now, 12), "ko",
        List.of(new Ev("REJECT", "PRKGOV", "KORGOV", "North Korea rejected Seoul's offer of military talks."))));
    a.add(article("a09", "Pacific Wire", PACIFIC, "EU adds North Korean officials to sanctions list", ago(now, 14), "en",
        List.of(new Ev("SANCTION", "EUR", "PRKGOV", "The EU added four North Korean officials to its sanctions list."))));
    a.add(article("a10", "Metro News", METRO, "Russia and North Korea sign aid accord", ago(now, 16), "en",
        List.of(new Ev("AID", "RUS", "PRK", "Russia pledged food aid to North Korea under the accord."),
            new Ev("AGREE", "RUS", "PRKGOV", "Moscow and Pyongyang signed the agreement on Tuesday."))));
    a.add(article("a11", "Korea Monitor", KOREA, "Japan and US mobilise destroyers after launch", ago(now, 18), "en",
        List.of(new Ev("MOBILIZE", "JPNGOV", "PRK", "Japan deployed two destroyers to the Sea of Japan."),
            new Ev("MOBILIZE", "USA", "PRK", "The US moved an aircraft carrier group into the region."))));
    a.add(article("a12", "Pacific Wire", PACIFIC, "US and China consult on Korean tensions", ago(now, 20), "en",
        List.of(new Ev("CONSULT", "USAGOV", "CHNGOV", "The US secretary of state spoke with China's foreign minister by telephone."))));
    a.sort(java.util.Comparator.comparing(EnrichedArticle::getFetchedAt));
    return a;
  }

  static Instant ago(Instant now, double hours) {
    return now.minus(Duration.ofSeconds((long) (hours * 3600)));
  }

  static FetchEvent poll(String feed, Instant at, String status, int httpCode, int newItems, String error) {
    return FetchEvent.newBuilder().setFeedUrl(feed).setUrl(feed).setKind("FEED").setTime(at).setStatus(status)
        .setHttpCode(httpCode).setBytes(error == null ? 18_000 : 0).setDurationMs(120).setItemsSeen(error == null ? 20 : 0)
        .setItemsNew(newItems).setError(error).build();
  }

  /** Polls of three healthy feeds, one failing and one that the fetcher gave up on. */
  static List<FetchEvent> polls(Instant now) {
    return List.of(
        poll(KOREA, ago(now, 0.5), "OK", 200, 3, null), poll(KOREA, ago(now, 0.1), "NOT_MODIFIED", 304, 0, null),
        poll(METRO, ago(now, 0.3), "OK", 200, 2, null),
        poll(PACIFIC, ago(now, 0.2), "OK", 200, 1, null),
        poll(FAILING, ago(now, 1), "OK", 200, 1, null),
        poll(FAILING, ago(now, 0.4), "TIMEOUT", 0, 0, "no response within 30 s"),
        poll(FAILING, ago(now, 0.05), "HTTP_ERROR", 503, 0, "HTTP 503 Service Unavailable"),
        poll(GONE, ago(now, 6), "HTTP_ERROR", 404, 0, "HTTP 404 Not Found"));
  }

  static List<FeedState> states(Instant now) {
    return List.of(
        state(KOREA, now, ago(now, 0.1), ago(now, 0.1), ago(now, 0.5), "NOT_MODIFIED", 0, 0, false, null, 600_000),
        state(METRO, now, ago(now, 0.3), ago(now, 0.3), ago(now, 0.3), "OK", 0, 0, false, null, 1_800_000),
        state(PACIFIC, now, ago(now, 0.2), ago(now, 0.2), ago(now, 0.2), "OK", 0, 0, false, null, 1_200_000),
        state(FAILING, now, ago(now, 0.05), ago(now, 1), ago(now, 1), "HTTP_ERROR", 2, 4.0, false, null, 1_800_000),
        state(GONE, now, ago(now, 6), ago(now, 80), ago(now, 90), "HTTP_ERROR", 5, 50.0, true,
            "permanent failure: HTTP 404 Not Found on 5 polls in a row", 0));
  }

  private static FeedState state(String url, Instant now, Instant polled, Instant success, Instant newItem, String status,
      int failures, double score, boolean disabled, String reason, long intervalMs) {
    return FeedState.newBuilder().setUrl(url).setNextPollAt(polled.plusMillis(intervalMs == 0 ? 0 : intervalMs))
        .setLastPollAt(polled).setLastSuccessAt(success).setLastNewItemAt(newItem).setLastStatus(status)
        .setLastError(failures == 0 ? null : reason == null ? "HTTP 503 Service Unavailable" : reason)
        .setConsecutiveFailures(failures).setFailureScore(score).setDisabled(disabled).setDisabledReason(reason)
        .setIntervalMs(intervalMs).build();
  }
}

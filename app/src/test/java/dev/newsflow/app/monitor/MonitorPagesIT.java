package dev.newsflow.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.newsflow.broker.testkit.TestKafka;
import dev.newsflow.schemas.EnrichedArticle;
import dev.newsflow.schemas.FeedState;
import dev.newsflow.schemas.FetchEvent;
import dev.newsflow.sink.postgres.PostgresStore;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The monitor's pages in a real headless Chromium (Debian's chromium and chromium-driver), over
 * records written to the topics like the demo's. Skipped where Chromium is not installed. Each
 * test saves a screenshot of its page under target/screenshots.
 */
class MonitorPagesIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path dataDir;
  @TempDir static Path profile;
  private static MonitorHarness h;
  private static WebDriver browser;
  private static String database;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "no headless Chromium: install Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")");
    TestKafka.guardExit();
    Instant now = Instant.now();
    Map<String, String> extra = new HashMap<>();
    String admin = System.getenv("NEWSFLOW_TEST_JDBC_URL");
    if (admin != null && !admin.isBlank()) {
      database = "newsflow_monitor_it_" + Long.toHexString(System.nanoTime());
      try (Connection c = DriverManager.getConnection(admin); var s = c.createStatement()) {
        s.execute("CREATE DATABASE " + database);
      }
      String url = admin.replaceFirst("(//[^/]+/)[^?]*", "$1" + database);
      try (PostgresStore store = new PostgresStore(url)) {
        store.write(MonitorFixture.newsDay(now));
      }
      extra.put("monitor.jdbc-url", url);
    }
    h = new MonitorHarness(dataDir, extra);
    h.produce(h.topics.enriched(), EnrichedArticle::getId, MonitorFixture.newsDay(now));
    h.produce(h.topics.fetchEvents(), FetchEvent::getFeedUrl, MonitorFixture.polls(now).subList(0, 5));
    // The failing feed's state is left out: the Feeds test makes it fail with fetch events alone.
    h.produce(h.topics.feedState(), FeedState::getUrl,
        MonitorFixture.states(now).stream().filter(s -> !s.getUrl().equals(MonitorFixture.FAILING)).toList());

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (h != null) {
      h.close();
    }
    if (database != null) {
      try (Connection c = DriverManager.getConnection(System.getenv("NEWSFLOW_TEST_JDBC_URL")); var s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      }
    }
  }

  private static WebDriverWait waiting(int seconds) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds), Duration.ofMillis(20));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  private static void open(String path) {
    browser.manage().window().setSize(new Dimension(1280, 900));
    browser.get(h.base.resolve(path).toString());
  }

  private static void screenshot(String page) throws Exception {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    long height = (Long) js.executeScript("return document.documentElement.scrollHeight");
    long viewport = (Long) js.executeScript("return window.innerHeight");
    Dimension window = browser.manage().window().getSize();
    browser.manage().window().setSize(new Dimension(1280, (int) Math.min(window.getHeight() - viewport + Math.max(height, 640), 2600)));
    js.executeScript("window.scrollTo(0, 0)");
    Thread.sleep(400);
    Files.write(SCREENSHOTS.resolve(page + ".png"), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static List<WebElement> shownArticles() {
    return browser.findElements(By.cssSelector("#articles > li[data-id]"));
  }

  @Test
  void livePageShowsANewArticleSoonAfterItReachesTheEnrichedTopic() throws Exception {
    open("/live");
    waiting(60).until(d -> shownArticles().size() >= 12);
    waiting(30).until(d -> d.findElement(By.id("stream-status")).getText().equals("live"));
    EnrichedArticle fresh = MonitorFixture.article("live-" + System.nanoTime(), "Pacific Wire", MonitorFixture.PACIFIC,
        "Breaking: North and South Korea reopen liaison office", Instant.now(), "en",
        List.of(new MonitorFixture.Ev("AGREE", "PRKGOV", "KORGOV", "The two Koreas agreed to reopen the liaison office at Kaesong.")));
    By freshItem = By.cssSelector("#articles > li[data-id='" + fresh.getId() + "']");
    long produced = System.nanoTime();
    h.produce(h.topics.enriched(), EnrichedArticle::getId, List.of(fresh));
    long acked = System.nanoTime();
    waiting(20).until(d -> !d.findElements(freshItem).isEmpty());
    long shown = System.nanoTime();
    System.out.printf("monitor live page: article shown %d ms after produce() was called (%d ms after the broker acknowledged it)%n",
        (shown - produced) / 1_000_000, (shown - acked) / 1_000_000);
    assertThat(shownArticles().get(0).getAttribute("data-id")).isEqualTo(fresh.getId());
    WebElement item = browser.findElement(freshItem);
    assertThat(item.getText()).contains("Breaking: North and South Korea", "Pacific Wire", "PRKGOV", "AGREE");

    WebElement head = browser.findElement(By.cssSelector("#articles > li[data-id='a01']"));
    assertThat(head.findElement(By.cssSelector(".badge.copies")).getText()).isEqualTo("+2 copies");
    head.findElement(By.cssSelector(".evidence-toggle")).click();
    assertThat(head.findElement(By.cssSelector(".evidence")).getText()).contains("US Treasury imposed sanctions");
    screenshot("live");
  }

  @Test
  void filteringTheLivePageByAnActorNarrowsTheList() throws Exception {
    open("/live");
    waiting(60).until(d -> shownArticles().size() >= 12);
    int all = shownArticles().size();
    WebElement actor = browser.findElement(By.id("filter-actor"));
    actor.sendKeys("JPN");
    ((JavascriptExecutor) browser).executeScript("arguments[0].dispatchEvent(new Event('change'))", actor);
    waiting(20).until(d -> shownArticles().size() > 0 && shownArticles().size() < all);
    List<WebElement> shown = shownArticles();
    assertThat(shown).extracting(li -> li.getAttribute("data-id")).containsExactlyInAnyOrder("a03", "a07", "a11");
    for (WebElement li : shown) {
      assertThat(li.findElements(By.cssSelector(".chip.actor"))).extracting(WebElement::getText).anyMatch(c -> c.startsWith("JPN"));
    }
    assertThat(browser.getCurrentUrl()).contains("actor=JPN");
    screenshot("live-filtered");
  }

  @Test
  void trendsPageDrawsTheChartsAsSvg() throws Exception {
    open("/trends");
    waiting(60).until(d -> d.findElements(By.cssSelector("#trend-chart svg rect.bar")).size() >= 10);
    waiting(20).until(d -> d.findElements(By.cssSelector(".legend span")).stream().map(WebElement::getText).toList()
        .containsAll(List.of("SANCTION", "CONSULT")));
    waiting(20).until(d -> d.findElements(By.cssSelector("#pairs svg rect.bar")).size() >= 2);
    browser.findElement(By.cssSelector("#toggle-by button[data-value='actor']")).click();
    waiting(20).until(d -> d.findElements(By.cssSelector(".legend span")).stream().anyMatch(e -> e.getText().equals("PRK")));
    browser.findElement(By.cssSelector("#toggle-hours button[data-value='168']")).click();
    waiting(20).until(d -> d.getCurrentUrl().contains("hours=168")
        && !d.findElements(By.cssSelector("#trend-chart svg rect.bar")).isEmpty());
    browser.findElement(By.cssSelector("#toggle-hours button[data-value='24']")).click();
    browser.findElement(By.cssSelector("#toggle-by button[data-value='event']")).click();
    waiting(20).until(d -> d.findElements(By.cssSelector(".legend span")).stream().anyMatch(e -> e.getText().equals("SANCTION")));
    screenshot("trends");
  }

  @Test
  void feedsPageShowsAFailingFeedAsFailing() throws Exception {
    Instant now = Instant.now();
    h.produce(h.topics.fetchEvents(), FetchEvent::getFeedUrl, List.of(
        MonitorFixture.poll(MonitorFixture.FAILING, now.minusSeconds(60), "TIMEOUT", 0, 0, "no response within 30 s"),
        MonitorFixture.poll(MonitorFixture.FAILING, now, "HTTP_ERROR", 503, 0, "HTTP 503 Service Unavailable")));
    open("/feeds");
    By failing = By.cssSelector("#feeds tr[data-url='" + MonitorFixture.FAILING + "']");
    By korea = By.cssSelector("#feeds tr[data-url='" + MonitorFixture.KOREA + "'] .badge");
    By gone = By.cssSelector("#feeds tr[data-url='" + MonitorFixture.GONE + "'] .badge");
    // The page reloads every 10 s; the feed health fills as fetch events and states arrive.
    waiting(60).until(d -> !d.findElements(failing).isEmpty() && "failing".equals(d.findElement(failing).getAttribute("data-status"))
        && !d.findElements(korea).isEmpty() && !d.findElements(gone).isEmpty()
        && "disabled".equals(d.findElement(gone).getText()));
    WebElement row = browser.findElement(failing);
    assertThat(row.findElement(By.cssSelector(".badge")).getText()).isEqualTo("failing");
    assertThat(row.getText()).contains("HTTP_ERROR (503)", "HTTP 503 Service Unavailable");
    assertThat(browser.findElement(By.cssSelector("#feeds tr[data-url='" + MonitorFixture.KOREA + "'] .badge")).getText()).isEqualTo("ok");
    assertThat(browser.findElement(By.cssSelector("#feeds tr[data-url='" + MonitorFixture.GONE + "'] .badge")).getText()).isEqualTo("disabled");
    assertThat(browser.findElements(By.cssSelector("#feeds tr")).get(0).getAttribute("data-status")).as("failing sorts first").isEqualTo("failing");
    browser.findElement(By.cssSelector("th[data-key='url']")).click();
    assertThat(browser.findElements(By.cssSelector("#feeds tr")).get(0).getAttribute("data-url")).isEqualTo(MonitorFixture.FAILING);
    browser.findElement(By.cssSelector("th[data-key='status']")).click();
    screenshot("feeds");
  }

  @Test
  void storiesPageListsTheLargestStoryFirst() throws Exception {
    open("/stories");
    // The page reloads every 30 s; a copy can be counted before its first article arrives.
    waiting(90).until(d -> {
      List<WebElement> shown = d.findElements(By.cssSelector("#stories .story"));
      return shown.size() == 2 && shown.get(0).getText().contains("2 copies")
          && shown.get(0).getText().contains("Metro News") && shown.get(0).getText().contains("Korea Monitor");
    });
    List<WebElement> stories = browser.findElements(By.cssSelector("#stories .story"));
    assertThat(stories.get(0).getAttribute("data-cluster")).isEqualTo("a01");
    assertThat(stories.get(0).getText()).contains("2 copies", "Metro News", "Korea Monitor", "exact copy", "near copy");
    screenshot("stories");
  }

  @Test
  void searchPageFindsArticlesInThePostgresSink() throws Exception {
    assumeTrue(database != null, "NEWSFLOW_TEST_JDBC_URL is not set: no PostgreSQL for search");
    open("/search?q=missile%20sanctions");
    waiting(30).until(d -> !d.findElements(By.cssSelector("#results .hit")).isEmpty());
    List<WebElement> hits = browser.findElements(By.cssSelector("#results .hit"));
    assertThat(hits.get(0).getText()).contains("sanctions");
    assertThat(browser.findElements(By.cssSelector("#results mark"))).isNotEmpty();
    screenshot("search");
  }
}

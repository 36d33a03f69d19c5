package dev.newsflow.app.monitor.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A story: the first article of a near-duplicate cluster and the copies of it seen so far. Times
 * are ISO-8601 UTC strings. {@code copies} counts every copy; {@code members} keeps the first
 * {@code maxCopies} of them.
 *
 * @param clusterId id of the cluster (the id of its first article)
 * @param title title of the first article (of the first copy until it is seen)
 * @param source outlet of the first article
 * @param url URL of the first article
 * @param headSeen whether the first article itself was seen
 * @param firstSeen fetch time of the story's earliest record
 * @param lastSeen fetch time of its latest record
 * @param copies number of copies
 * @param outlets distinct outlets of the story, first article included, sorted
 * @param members the copies remembered, in arrival order
 */
public record Story(String clusterId, String title, String source, String url, boolean headSeen, String firstSeen,
    String lastSeen, int copies, List<String> outlets, List<Copy> members) {

  /** At most this many outlets are listed per story. */
  static final int MAX_OUTLETS = 50;

  /** A copy of the story's first article. */
  public record Copy(String id, String title, String source, String url, String verdict, double similarity, String seen) {}

  public Story {
    outlets = List.copyOf(outlets);
    members = List.copyOf(members);
  }

  /** The story after {@code a} (an article of the cluster) arrived at {@code at}. */
  public static Story with(Story before, ArticleView a, Instant at, int maxCopies) {
    Story s = before != null ? before
        : new Story(a.clusterId(), a.title(), a.source(), a.url(), false, at.toString(), at.toString(), 0, List.of(), List.of());
    TreeSet<String> outlets = new TreeSet<>(s.outlets);
    if (outlets.size() < MAX_OUTLETS) {
      outlets.add(a.source());
    }
    String firstSeen = Instant.parse(s.firstSeen).isBefore(at) ? s.firstSeen : at.toString();
    String lastSeen = Instant.parse(s.lastSeen).isAfter(at) ? s.lastSeen : at.toString();
    if (!a.isCopy()) {
      return new Story(s.clusterId, a.title(), a.source(), a.url(), true, firstSeen, lastSeen, s.copies,
          List.copyOf(outlets), s.members);
    }
    List<Copy> members = new ArrayList<>(s.members);
    boolean known = members.removeIf(c -> c.id().equals(a.id()));
    Copy copy = new Copy(a.id(), a.title(), a.source(), a.url(), a.verdict(), a.similarity(), at.toString());
    if (known || members.size() < maxCopies) {
      members.add(copy);
    }
    return new Story(s.clusterId, s.title, s.source, s.url, s.headSeen, firstSeen, lastSeen,
        known ? s.copies : s.copies + 1, List.copyOf(outlets), members);
  }
}

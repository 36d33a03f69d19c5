package dev.newsflow.app.monitor.data;

import java.util.List;

/**
 * An article with the copies of it (exact or near duplicates) that arrived after it, newest first.
 *
 * @param article the first article of its story still in memory
 * @param copies its copies
 */
public record FoldedArticle(ArticleView article, List<ArticleView> copies) {
  public FoldedArticle {
    copies = List.copyOf(copies);
  }
}

package dev.newsflow.app.monitor.data;

import java.util.List;

/**
 * Who acts on whom: the events in the last {@code hours} hours that {@code actor} did to others
 * ({@code outgoing}) and that others did to it ({@code incoming}), busiest first.
 */
public record ActorPairs(String actor, int hours, List<Count> outgoing, List<Count> incoming) {

  /** Events with one other actor. */
  public record Count(String actor, long events) {}
}

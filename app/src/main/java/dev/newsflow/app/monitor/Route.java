package dev.newsflow.app.monitor;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Set;

/**
 * One GET endpoint of the monitor: its exact path, the query parameters it accepts (any other is a
 * 400; the OpenAPI file must declare exactly these), and what answers it.
 */
record Route(String path, Set<String> params, Handler handler) {
  Route {
    params = Set.copyOf(params);
  }

  /** Answers a request whose parameters were checked against the route's. */
  @FunctionalInterface
  interface Handler {
    void handle(Params params, HttpExchange exchange) throws IOException;
  }
}

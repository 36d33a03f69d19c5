package dev.newsflow.sink.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL database for the integration tests, fresh for each caller. With {@code
 * NEWSFLOW_TEST_JDBC_URL} set (CI sets it to the local server) a new database is created there, and
 * the test fails if the server cannot be reached; otherwise a Testcontainers {@code postgres}
 * container where Docker exists; otherwise the test is skipped with a clear message.
 */
public final class TestDatabase implements AutoCloseable {
  public static final String ENV = "NEWSFLOW_TEST_JDBC_URL";
  private static PostgreSQLContainer container;

  private final String adminUrl;
  private final String name;
  private final String url;

  private TestDatabase(String adminUrl, String name, String url) {
    this.adminUrl = adminUrl;
    this.name = name;
    this.url = url;
  }

  /** A new, empty database. */
  public static TestDatabase create() throws SQLException {
    String admin = System.getenv(ENV);
    if (admin == null || admin.isBlank()) {
      admin = containerUrl();
    }
    String name = "newsflow_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new SQLException("cannot reach the test PostgreSQL at " + admin + " (" + ENV + "): " + e.getMessage(), e);
    }
    return new TestDatabase(admin, name, withDatabase(admin, name));
  }

  private static synchronized String containerUrl() {
    Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
        "no PostgreSQL for this test: set " + ENV + " (e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres) or run where Docker is available");
    if (container == null) {
      container = new PostgreSQLContainer("postgres:17");
      container.start();
    }
    return container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?")
        + "user=" + container.getUsername() + "&password=" + container.getPassword();
  }

  /** {@code url} with its database name replaced by {@code database}. */
  public static String withDatabase(String url, String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
  }

  public String url() {
    return url;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}

package dev.newsflow.enrich.tag.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the tagger's data files come from: the bundled class-path resources or a directory that
 * holds edited copies (so dictionaries can be reloaded without a code change).
 *
 * <p>Example: {@code DataSource.directory(Path.of("conf/tag")).rows("countries.tsv")}.
 */
public sealed interface DataSource {

    /** The data bundled under {@code /dev/newsflow/enrich/tag/}. */
    static DataSource bundled() {
        return new Classpath("/dev/newsflow/enrich/tag/");
    }

    /** Data files read from {@code dir}; every file the tagger needs must be there. */
    static DataSource directory(Path dir) {
        return new Directory(dir);
    }

    /** Opens one data file. */
    BufferedReader open(String name) throws IOException;

    /**
     * The rows of a tab-separated file: blank lines and lines starting with {@code #} skipped,
     * trailing empty columns kept as "".
     *
     * @throws UncheckedIOException when the file is missing or unreadable
     */
    default List<String[]> rows(String name) {
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = open(name)) {
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                for (int i = 0; i < cols.length; i++) {
                    cols[i] = cols[i].strip();
                }
                out.add(cols);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tagger data file " + name + " from " + this, e);
        }
        return out;
    }

    /** Bundled class-path resources under {@code prefix}. */
    record Classpath(String prefix) implements DataSource {
        @Override
        public BufferedReader open(String name) throws IOException {
            InputStream in = DataSource.class.getResourceAsStream(prefix + name);
            if (in == null) {
                throw new IOException("no resource " + prefix + name);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    /** Files in a directory. */
    record Directory(Path dir) implements DataSource {
        @Override
        public BufferedReader open(String name) throws IOException {
            return Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
        }
    }
}

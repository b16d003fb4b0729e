package vn.daihoi.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' words: both bundles hold the same keys, every key a template or a page class names exists, every text
 * formats, and the Vietnamese is composed (NFC) so that diacritics render and compare as typed.
 */
class PageBundlesTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void bothLanguagesHoldTheSameKeysAndEveryTextFormats() throws IOException {
        Properties vi = load("messages_vi.properties");
        Properties en = load("messages_en.properties");
        assertThat(new TreeSet<>(vi.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        for (String k : vi.stringPropertyNames()) {
            String v = vi.getProperty(k);
            assertThat(java.text.Normalizer.isNormalized(v, java.text.Normalizer.Form.NFC)).as(k).isTrue();
            assertThat(new MessageFormat(v, Locale.forLanguageTag("vi")).format(new Object[]{1, 2, 3})).as(k).doesNotContain("{", "}");
            assertThat(new MessageFormat(en.getProperty(k), Locale.ENGLISH).format(new Object[]{1, 2, 3})).as(k).doesNotContain("{", "}");
        }
    }

    @Test
    void everyKeyTheTemplatesAndPagesNameExists() throws IOException {
        Set<String> keys = load("messages_vi.properties").stringPropertyNames();
        Set<String> named = new TreeSet<>();
        Pattern inTemplate = Pattern.compile("#\\{([a-z][a-zA-Z0-9.-]+)[(}]");
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = inTemplate.matcher(Files.readString(f));
                while (m.find()) named.add(m.group(1));
            }
        }
        Pattern inJava = Pattern.compile("\"((?:refusal|ballot\\.error|form|staff\\.error|signin|voter)\\.[a-z.-]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = inJava.matcher(Files.readString(f));
                while (m.find()) named.add(m.group(1));
            }
        }
        assertThat(named).hasSizeGreaterThan(50);
        // A sign-in refusal names its key without the ".title" / ".advice" the form adds (web.SignInForm).
        assertThat(named).allSatisfy(k -> assertThat(keys.contains(k) || keys.contains(k + ".title") && keys.contains(k + ".advice"))
                .as("key " + k).isTrue());
    }
}

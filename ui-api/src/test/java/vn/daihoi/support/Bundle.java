package vn.daihoi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The pages' message bundles as shipped, for tests that compare a page with the text it should show. */
public final class Bundle {

    private final Properties texts = new Properties();
    private final Locale locale;

    private Bundle(String name, Locale locale) {
        this.locale = locale;
        try (InputStream in = Bundle.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new AssertionError(name + " is not on the classpath");
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Bundle vietnamese() {
        return new Bundle("messages_vi.properties", Locale.forLanguageTag("vi"));
    }

    public static Bundle english() {
        return new Bundle("messages_en.properties", Locale.ENGLISH);
    }

    public String text(String key, Object... args) {
        String t = texts.getProperty(key);
        if (t == null) throw new AssertionError("no " + key + " in the " + locale + " bundle");
        return args.length == 0 ? t : new MessageFormat(t, locale).format(args);
    }
}

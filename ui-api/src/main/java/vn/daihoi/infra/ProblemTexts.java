package vn.daihoi.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import vn.daihoi.common.Bilingual;
import vn.daihoi.common.RuleViolation;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of a problem, in the reader's language (ADR 0020): every text a refusal shows lives in the bundles
 * {@code problems_vi.properties} (Vietnamese, the default) and {@code problems_en.properties}, keyed by
 * {@code problem.<type>[.<variant>]}. The API answers with both languages; a web page shows its reader's.
 * <p>
 * Every text is a {@link java.text.MessageFormat} pattern, also one without arguments: a quote is written
 * {@code ''} everywhere. Arguments are shown as they are (a number without digit grouping, a date as
 * {@code 2025-07-01}), a {@link Bilingual} value by its name in the reader's language. A key without a text
 * never fails a request: the answer falls back to the problem's code, and the missing key is logged once.
 */
@Component
public class ProblemTexts {

    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    /** The bundles' base name, one of {@code spring.messages.basename}. */
    public static final String BUNDLE = "problems";

    private static final Logger log = LoggerFactory.getLogger(ProblemTexts.class);
    /** Missing keys already reported, over every instance: one error per key, not one per request. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private final MessageSource messages;

    public ProblemTexts(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * The bundles read directly, with the settings Spring Boot gives the application's message source (UTF-8, no
     * fallback to the machine's locale): for what runs outside the application context (Tomcat's error report)
     * or before it is at hand (static helpers of filters).
     */
    public static ProblemTexts bundled() {
        return Bundled.TEXTS;
    }

    private static final class Bundled {
        static final ProblemTexts TEXTS = new ProblemTexts(source());

        private static MessageSource source() {
            ResourceBundleMessageSource s = new ResourceBundleMessageSource();
            s.setBasename(BUNDLE);
            // Whichever thread asks first (a Tomcat thread, for the error report), the bundles are the application's own.
            s.setBundleClassLoader(ProblemTexts.class.getClassLoader());
            s.setDefaultEncoding("UTF-8");
            s.setFallbackToSystemLocale(false);
            return s;
        }
    }

    /** A refusal's title in the given language; its type when no text is found. */
    public String title(RuleViolation v, Locale locale) {
        return text(v.messageKey(), v.arguments(), locale, v.type());
    }

    /** The text of a key in the given language; the key itself when no text is found. */
    public String title(String key, Object[] args, Locale locale) {
        return text(key, args, locale, key);
    }

    public String vietnamese(String key, Object... args) {
        return title(key, args, VIETNAMESE);
    }

    public String english(String key, Object... args) {
        return title(key, args, ENGLISH);
    }

    /** The text, or {@code fallback} when neither the language asked for nor Vietnamese, the default, has one. */
    String text(String key, Object[] args, Locale locale, String fallback) {
        Locale language = locale == null ? VIETNAMESE : locale;
        String text = find(key, args, language);
        if (text == null && !VIETNAMESE.getLanguage().equals(language.getLanguage())) text = find(key, args, VIETNAMESE);
        if (text != null) return text;
        if (REPORTED.add(key)) {
            log.atError().addKeyValue("key", key).log("no problem text for {} in the bundles {}_*; answering with the code", key, BUNDLE);
        }
        return fallback;
    }

    private String find(String key, Object[] args, Locale locale) {
        try {
            return messages.getMessage(key, shown(args, locale), null, locale);
        } catch (RuntimeException malformed) {
            // A pattern MessageFormat cannot read is a missing text, not a failed request.
            return null;
        }
    }

    /**
     * The arguments as the text shows them. Never empty: Spring formats a text only when it has arguments, and
     * every text here is a pattern (so that {@code ''} reads {@code '} whether or not the text takes values).
     */
    private static Object[] shown(Object[] args, Locale locale) {
        if (args == null || args.length == 0) return new Object[]{""};
        boolean english = ENGLISH.getLanguage().equals(locale.getLanguage());
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            out[i] = a instanceof Bilingual b ? (english ? b.english() : b.vietnamese())
                    : a instanceof Number n ? n.toString()
                    : a;
        }
        return out;
    }
}

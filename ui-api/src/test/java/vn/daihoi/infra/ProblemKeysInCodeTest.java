package vn.daihoi.infra;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0020, read from the main sources of every module: each refusal names a key that has a text in both bundles,
 * none carries its words inline, and no text in the bundles is left over. A {@code RuleViolation} factory's key is
 * {@code problem.<type>} or, after {@code .variant("v")}, {@code problem.<type>.v}; every other key is a literal.
 */
class ProblemKeysInCodeTest {

    private static final List<Path> SOURCES = List.of(Path.of("src", "main", "java"),
            Path.of("..", "command-side", "domain", "src", "main", "java"), Path.of("..", "command-side", "messages", "src", "main", "java"),
            Path.of("..", "query-side", "src", "main", "java"));
    private static final Pattern KEY_LITERAL = Pattern.compile("\"(problem\\.[a-z0-9.-]+)\"");
    private static final Pattern FACTORY = Pattern.compile("RuleViolation\\.(invalid|conflict|notFound)\\(");
    private static final Pattern CONSTRUCTOR = Pattern.compile("new RuleViolation\\(");
    private static final Pattern PROBLEM = Pattern.compile("\\b(Problems\\.problem|answer)\\(");
    private static final Pattern VARIANT = Pattern.compile("\\A\\s*\\.variant\\(\\s*\"([a-z0-9-]+)\"\\s*\\)");
    /** The edge's standard problems are keyed by their codes: problem.<code> for each code literal of ProblemWriter. */
    private static final Pattern STATUS_CODE = Pattern.compile("->\\s*\"([a-z-]+)\"|[?:]\\s*\"([a-z-]+)\"");

    private static Set<String> vi;
    private static Set<String> en;
    private static final List<Source> files = new ArrayList<>();

    record Source(Path path, String text) {}

    @BeforeAll
    static void read() throws IOException {
        vi = ProblemBundlesTest.bundle("vi").keySet();
        en = ProblemBundlesTest.bundle("en").keySet();
        for (Path root : SOURCES) {
            assertThat(root).as("run from the ui-api module").isDirectory();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    try {
                        files.add(new Source(p, Files.readString(p, StandardCharsets.UTF_8)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
    }

    /** Every key the code names, with where it is named. */
    private static List<String[]> referenced() {
        List<String[]> out = new ArrayList<>();
        for (Source s : files) {
            String code = Java.blankCommentsAndStrings(s.text(), true);
            String bare = Java.blankCommentsAndStrings(s.text(), false);
            for (Matcher m = KEY_LITERAL.matcher(code); m.find(); ) out.add(new String[]{m.group(1), s.path() + ""});
            for (Matcher m = FACTORY.matcher(bare); m.find(); ) {
                List<String> args = Java.arguments(s.text(), bare, m.end());
                String type = args.get(0);
                assertThat(type).as("a literal type at " + s.path() + ": " + type).matches("\"[a-z0-9-]+\"");
                Matcher variant = VARIANT.matcher(code.substring(Java.end(bare, m.end())));
                out.add(new String[]{"problem." + type.substring(1, type.length() - 1) + (variant.find() ? "." + variant.group(1) : ""),
                        s.path() + ""});
            }
            for (Matcher m = CONSTRUCTOR.matcher(bare); m.find(); ) {
                if (s.path().endsWith("RuleViolation.java")) continue;
                List<String> args = Java.arguments(s.text(), bare, m.end());
                assertThat(args.get(4)).as("a literal key at " + s.path()).matches("\"problem\\.[a-z0-9.-]+\"");
            }
            if (s.path().endsWith("ProblemWriter.java")) {
                for (Matcher m = STATUS_CODE.matcher(s.text()); m.find(); ) {
                    out.add(new String[]{"problem." + (m.group(1) != null ? m.group(1) : m.group(2)), s.path() + ""});
                }
            }
        }
        return out;
    }

    @Test
    void everyKeyTheCodeNamesHasATextInBothLanguages() {
        List<String> missing = new ArrayList<>();
        List<String[]> refs = referenced();
        for (String[] r : refs) {
            if (!vi.contains(r[0])) missing.add(r[0] + " (vi) at " + r[1]);
            if (!en.contains(r[0])) missing.add(r[0] + " (en) at " + r[1]);
        }
        assertThat(refs).hasSizeGreaterThan(200);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyTextInTheBundlesIsUsed() {
        Set<String> used = new TreeSet<>();
        for (String[] r : referenced()) used.add(r[0]);
        Set<String> unused = new TreeSet<>(vi);
        unused.removeAll(used);
        assertThat(unused).isEmpty();
    }

    /** A refusal's arguments are values, never words: no string in such a call carries a Vietnamese letter. */
    @Test
    void noRefusalCarriesItsTextInline() {
        List<String> inline = new ArrayList<>();
        int calls = 0;
        for (Source s : files) {
            if (s.path().endsWith("RuleViolation.java")) continue;
            String code = Java.blankCommentsAndStrings(s.text(), false);
            for (Pattern p : List.of(FACTORY, CONSTRUCTOR, PROBLEM)) {
                for (Matcher m = p.matcher(code); m.find(); ) {
                    calls++;
                    String call = s.text().substring(m.start(), Java.end(code, m.end()));
                    for (Matcher lit = Java.STRING.matcher(call); lit.find(); ) {
                        if (lit.group().chars().anyMatch(c -> c > 0x7f)) inline.add(s.path() + ": " + lit.group());
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(250);
        assertThat(inline).isEmpty();
    }

    /** Just enough of Java's lexical structure to find a call's arguments. */
    static final class Java {
        static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

        /**
         * The source with comments blanked and, unless {@code keepStrings}, string and char literals' contents
         * blanked too, offsets unchanged: parentheses and keys are then found only in code.
         */
        static String blankCommentsAndStrings(String s, boolean keepStrings) {
            StringBuilder b = new StringBuilder(s);
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
                    int e = s.indexOf('\n', i);
                    e = e < 0 ? s.length() : e;
                    blank(b, i, e);
                    i = e;
                } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
                    int e = s.indexOf("*/", i + 2) + 2;
                    blank(b, i, e);
                    i = e;
                } else if (s.startsWith("\"\"\"", i)) {
                    int e = s.indexOf("\"\"\"", i + 3) + 3;
                    if (!keepStrings) blank(b, i + 3, e - 3);
                    i = e;
                } else if (c == '"' || c == '\'') {
                    int e = i + 1;
                    while (s.charAt(e) != c) e += s.charAt(e) == '\\' ? 2 : 1;
                    if (!keepStrings) blank(b, i + 1, e);
                    i = e + 1;
                } else {
                    i++;
                }
            }
            return b.toString();
        }

        private static void blank(StringBuilder b, int from, int to) {
            for (int i = from; i < to; i++) if (b.charAt(i) != '\n') b.setCharAt(i, ' ');
        }

        /** Where the call whose arguments start at {@code open} ends: after its closing parenthesis ({@code blanked}: no comments, no strings). */
        static int end(String blanked, int open) {
            int depth = 0;
            for (int i = open; i < blanked.length(); i++) {
                char c = blanked.charAt(i);
                if (c == '(' || c == '[' || c == '{') depth++;
                else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) return i + 1;
                    depth--;
                }
            }
            throw new IllegalStateException("unbalanced call");
        }

        /** The call's arguments as written in {@code source}, split at its top-level commas found in {@code blanked}. */
        static List<String> arguments(String source, String blanked, int open) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            int from = open;
            for (int i = open; i < blanked.length(); i++) {
                char c = blanked.charAt(i);
                if (c == '(' || c == '[' || c == '{') depth++;
                else if (c == ')' || c == ']' || c == '}') {
                    if (depth == 0) {
                        out.add(source.substring(from, i).strip());
                        return out;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    out.add(source.substring(from, i).strip());
                    from = i + 1;
                }
            }
            throw new IllegalStateException("unbalanced call");
        }
    }
}

package vn.daihoi.infra;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.organisation.UnitKind;
import vn.daihoi.support.LogCapture;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0020: the problem bundles, problems_vi (the default) and problems_en. Same keys in both, every text a pattern
 * that formats cleanly, the Vietnamese written with its exact diacritics, and read as the application reads them.
 */
class ProblemBundlesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    /** The bundle's lines as written: key to raw value, in file order, failing on a key given twice. */
    static Map<String, String> bundle(String language) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RESOURCES.resolve("problems_" + language + ".properties"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int eq = line.indexOf('=');
            assertThat(eq).as("a key=value line: " + line).isPositive();
            String value = line.substring(eq + 1);
            assertThat(value).as("no escapes beyond a leading space: " + line).doesNotContain("\\");
            assertThat(out.put(line.substring(0, eq), value)).as("key given twice: " + line.substring(0, eq)).isNull();
        }
        return out;
    }

    @Test
    void bothLanguagesHaveExactlyTheSameProblemKeys() throws IOException {
        Map<String, String> vi = bundle("vi");
        Map<String, String> en = bundle("en");
        assertThat(vi).isNotEmpty();
        assertThat(new TreeSet<>(en.keySet())).isEqualTo(new TreeSet<>(vi.keySet()));
        assertThat(vi.keySet()).allMatch(k -> k.matches("problem\\.[a-z0-9-]+(\\.[a-z0-9-]+)?"), "problem.<type>[.<variant>]");
        assertThat(vi.values()).noneMatch(String::isBlank);
        assertThat(en.values()).noneMatch(String::isBlank);
    }

    @Test
    void everyTextFormatsWithItsArgumentsWithoutStrayBracesOrLostQuotes() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String language : List.of("vi", "en")) {
            for (Map.Entry<String, String> e : bundle(language).entrySet()) {
                String pattern = e.getValue();
                Object[] args = dummies(pattern);
                String formatted;
                try {
                    formatted = new MessageFormat(pattern, Locale.forLanguageTag(language)).format(args);
                } catch (IllegalArgumentException malformed) {
                    wrong.add(language + " " + e.getKey() + ": " + malformed.getMessage());
                    continue;
                }
                if (!formatted.equals(expected(pattern))) wrong.add(language + " " + e.getKey() + ": " + formatted);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** One recognisable value per placeholder: ARG0, ARG1 … */
    private static Object[] dummies(String pattern) {
        int max = -1;
        for (Matcher m = PLACEHOLDER.matcher(pattern); m.find(); ) max = Math.max(max, Integer.parseInt(m.group(1)));
        Object[] args = new Object[max + 1];
        for (int i = 0; i < args.length; i++) args[i] = "ARG" + i;
        return args;
    }

    /**
     * What a reader must see, worked out without MessageFormat: the only quoting the bundles use is {@code ''} for a
     * quote and {@code '{'}/{@code '}'} for a brace. A lone quote or a brace outside a placeholder is a mistake
     * (MessageFormat would swallow the text after it), and shows here as a difference.
     */
    private static String expected(String pattern) {
        String s = PLACEHOLDER.matcher(pattern).replaceAll("ARG$1");
        s = s.replace("'{'", "\u0001").replace("'}'", "\u0002").replace("''", "\u0003");
        if (s.indexOf('\'') >= 0 || s.indexOf('{') >= 0 || s.indexOf('}') >= 0) return "(a lone quote or brace in) " + pattern;
        return s.replace('\u0001', '{').replace('\u0002', '}').replace('\u0003', '\'');
    }

    @Test
    void theEnglishApostrophesAreDoubledAndComeOutSingle() throws IOException {
        String pattern = bundle("en").get("problem.already-on-round-roll");
        assertThat(pattern).isEqualTo("The delegate is already on this round''s roll.");
        assertThat(ProblemTexts.bundled().english("problem.already-on-round-roll")).isEqualTo("The delegate is already on this round's roll.");
        assertThat(ProblemTexts.bundled().english("problem.confidence-vote-minutes"))
                .isEqualTo("This is a confidence vote; its minutes are at /api/confidence-votes/{id}/rounds/{n}/minutes.");
    }

    @Test
    void theVietnameseTextsAreStrictUtf8WithComposedDiacritics() throws IOException {
        for (String language : List.of("vi", "en")) {
            byte[] bytes = Files.readAllBytes(RESOURCES.resolve("problems_" + language + ".properties"));
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                throw new AssertionError("problems_" + language + ".properties is not UTF-8", e);
            }
        }
        Map<String, String> vi = bundle("vi");
        assertThat(vi.values()).allMatch(v -> Normalizer.isNormalized(v, Normalizer.Form.NFC), "NFC, as typed text and the API's input are");
        assertThat(vi.get("problem.voting-code-expired")).isEqualTo("Mã biểu quyết đã hết hạn: đại hội đã bế mạc hoặc đã bị huỷ.");
    }

    /** The page bundles come first in spring.messages.basename: a problem key there would hide the problem's text. */
    @Test
    void thePageBundlesDefineNoProblemKey() throws IOException {
        try (var files = Files.list(RESOURCES)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("messages(_.*)?\\.properties")).toList()) {
                assertThat(Files.readAllLines(p, StandardCharsets.UTF_8)).as(p.toString())
                        .noneMatch(l -> l.strip().startsWith(RuleViolation.KEY_PREFIX));
            }
        }
    }

    /** As configured in application.yml; Spring Boot makes the message source only when a base bundle file exists. */
    @Test
    void theApplicationsMessageSourceAnswersInBothLanguagesAndVietnameseByDefault() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
                .withPropertyValues("spring.messages.basename=messages,problems", "spring.messages.encoding=UTF-8",
                        "spring.messages.fallback-to-system-locale=false")
                .run(context -> {
                    ProblemTexts texts = new ProblemTexts(context.getBean(MessageSource.class));
                    RuleViolation expired = RuleViolation.conflict("voting-code-expired", "R-13", "code");
                    assertThat(texts.title(expired, ProblemTexts.VIETNAMESE))
                            .isEqualTo("Mã biểu quyết đã hết hạn: đại hội đã bế mạc hoặc đã bị huỷ.");
                    assertThat(texts.title(expired, Locale.forLanguageTag("en-GB")))
                            .isEqualTo("The voting code has expired: its congress has closed or was cancelled.");
                    assertThat(texts.title(expired, Locale.FRENCH)).as("no French: Vietnamese")
                            .isEqualTo("Mã biểu quyết đã hết hạn: đại hội đã bế mạc hoặc đã bị huỷ.");
                    assertThat(texts.english("problem.already-on-round-roll")).isEqualTo("The delegate is already on this round's roll.");
                });
    }

    @Test
    void argumentsAreShownPlainlyAndNamesInTheReadersLanguage() {
        ProblemTexts texts = ProblemTexts.bundled();
        assertThat(texts.english("problem.payload-too-large.limit", 1048576L))
                .as("no digit grouping").isEqualTo("The request body is too large (at most 1048576 bytes).");
        assertThat(texts.vietnamese("problem.payload-too-large.limit", 1048576L)).isEqualTo("Nội dung yêu cầu quá lớn (tối đa 1048576 byte).");
        RuleViolation v = RuleViolation.conflict("candidate-not-on-executive-committee", "R-41", "personId", ElectedBody.CHAIR);
        assertThat(texts.title(v, ProblemTexts.VIETNAMESE)).isEqualTo("Ứng viên Chủ tịch phải là ủy viên Ban Chấp hành do đại hội bầu.");
        assertThat(texts.title(v, ProblemTexts.ENGLISH)).isEqualTo("A candidate for chair must be a member of the executive committee the congress elected.");
        RuleViolation level = RuleViolation.invalid("unit-level-mismatch", "R-01", "parentUnitId",
                UnitKind.UPPER_LEVEL_UNION, UnitKind.BRANCH_UNION, UnitKind.BRANCH_UNION.withArticle());
        assertThat(texts.title(level, ProblemTexts.ENGLISH)).isEqualTo("A upper-level union cannot stand under a branch union.");
        assertThat(texts.title(level, ProblemTexts.VIETNAMESE))
                .isEqualTo("Đơn vị cấp \"Công đoàn cấp trên trực tiếp cơ sở\" không thể trực thuộc \"Công đoàn cơ sở\".");
        assertThat(texts.title(RuleViolation.conflict("unit-tree-cycle", "R-01", "x", LocalDate.of(2026, 1, 1)).variant("descendant"),
                ProblemTexts.ENGLISH)).isEqualTo("A unit cannot be placed under one of its own descendants (on 2026-01-01).");
    }

    @Test
    void aKeyWithoutATextAnswersWithTheCodeAndIsLoggedOnce() {
        LogCapture log = LogCapture.begin();
        try {
            Problems problems = new Problems(new ProblemTexts(new StaticMessageSource()));
            RuleViolation v = RuleViolation.invalid("no-such-refusal-for-this-test", null, "field");
            for (int i = 0; i < 3; i++) {
                var answer = problems.of(v);
                assertThat(answer.getStatusCode().value()).isEqualTo(422);
                assertThat(answer.getBody().getTitle()).isEqualTo("no-such-refusal-for-this-test");
                assertThat(answer.getBody().getProperties()).containsEntry("titleEn", "no-such-refusal-for-this-test")
                        .containsEntry("code", "no-such-refusal-for-this-test");
            }
            assertThat(log.text().lines().filter(l -> l.contains("ERROR") && l.contains("no problem text")).count()).isEqualTo(1);
            assertThat(log.text()).contains("problem.no-such-refusal-for-this-test");
        } finally {
            log.stop();
        }
    }

    /** The JSON contract of a problem is unchanged: type, title (Vietnamese), detail and titleEn (English), code, rule, field. */
    @Test
    void aRefusalBecomesTheSameProblemAsBefore() {
        var answer = new Problems(ProblemTexts.bundled()).of(RuleViolation.conflict("voting-code-expired", "R-13", "code"));
        var p = answer.getBody();
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(p.getType().toString()).isEqualTo("urn:daihoi:problem:voting-code-expired");
        assertThat(p.getTitle()).isEqualTo("Mã biểu quyết đã hết hạn: đại hội đã bế mạc hoặc đã bị huỷ.");
        assertThat(p.getDetail()).isEqualTo("The voting code has expired: its congress has closed or was cancelled.");
        assertThat(p.getProperties()).containsEntry("titleEn", p.getDetail()).containsEntry("code", "voting-code-expired")
                .containsEntry("rule", "R-13").containsEntry("field", "code");
    }
}

package vn.daihoi.seed;

import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.junit.jupiter.api.Test;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.delegate.DelegateCategory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped seed files read, say their people are invented, and hold together before any command is sent. */
class ScenarioFilesTest {

    static final String SOC_TRANG = "soc-trang-pilot-2023.yml";
    static final String NGA_NAM = "nga-nam-2023.yml";
    static final String CAO_BANG = "cao-bang-confidence-2021.yml";

    /** The seeds folder at the top of the project, wherever Maven runs the tests from. */
    static Path seeds() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("seeds").resolve(SOC_TRANG))) return dir.resolve("seeds");
        }
        throw new IllegalStateException("no seeds/ folder above " + Path.of("").toAbsolutePath());
    }

    static Scenario read(String file) throws IOException {
        return Scenario.read(seeds().resolve(file));
    }

    @Test
    void everyShippedFileParsesAndSaysItsPeopleAreInvented() throws IOException {
        try (Stream<Path> files = Files.list(seeds())) {
            List<Path> yml = files.filter(f -> f.toString().endsWith(".yml")).toList();
            assertThat(yml).extracting(f -> f.getFileName().toString()).contains(SOC_TRANG, NGA_NAM, CAO_BANG);
            for (Path f : yml) {
                Scenario s = Scenario.read(f);
                assertThat(s.fictional()).as(f + " declares fictional: true").isTrue();
                assertThat(s.problems()).as(f.toString()).isEmpty();
                String head = Files.readString(f).lines().limit(5).collect(Collectors.joining("\n"));
                assertThat(head).as(f + " says at its top that people are invented").containsIgnoringCase("invented");
            }
        }
    }

    @Test
    void everyNameIsComposedUnicode() throws IOException {
        for (String file : List.of(SOC_TRANG, NGA_NAM, CAO_BANG)) {
            Scenario s = read(file);
            List<String> texts = new ArrayList<>();
            texts.add(s.title());
            s.units().forEach(u -> {
                texts.add(u.name());
                texts.add(u.decision().number());
                texts.add(u.decision().issuedBy());
            });
            s.people().forEach(p -> {
                texts.add(p.fullName());
                texts.add(p.gender());
            });
            s.congresses().forEach(c -> {
                texts.add(c.venue());
                c.delegates().forEach(d -> texts.add(d.position()));
                c.decisions().forEach(d -> texts.add(d.title()));
            });
            assertThat(texts).as(file).doesNotContainNull()
                    .allSatisfy(t -> assertThat(Normalizer.isNormalized(t, Normalizer.Form.NFC)).as(t).isTrue());
            // The raw file too: a decomposed letter in a comment is as wrong as in a name.
            String raw = Files.readString(seeds().resolve(file), StandardCharsets.UTF_8);
            assertThat(Normalizer.isNormalized(raw, Normalizer.Form.NFC)).as(file).isTrue();
        }
    }

    @Test
    void codesAreUniqueAndTheSharedProvinceIsTheSameInBothFiles() throws IOException {
        Scenario socTrang = read(SOC_TRANG);
        Scenario ngaNam = read(NGA_NAM);
        Set<String> codes = new HashSet<>();
        for (Scenario s : List.of(socTrang, ngaNam)) {
            for (Scenario.Unit u : s.units()) {
                if (u.code().equals("LDLD-ST")) continue;
                assertThat(codes.add(Scenario.codeKey(u.code()))).as("unit code %s", u.code()).isTrue();
            }
        }
        Scenario.Unit province = socTrang.units().stream().filter(u -> u.code().equals("LDLD-ST")).findFirst().orElseThrow();
        assertThat(ngaNam.units()).contains(province);
        assertThat(ngaNam.units()).filteredOn(u -> "LDLD-NN".equals(u.parent())).hasSize(12);
        assertThat(ngaNam.people()).isEmpty();

        Scenario.Congress congress = socTrang.congresses().get(0);
        assertThat(congress.delegates()).extracting(d -> Scenario.codeKey(d.code())).doesNotHaveDuplicates();
        assertThat(socTrang.people()).extracting(Scenario.Person::key).doesNotHaveDuplicates();
    }

    @Test
    void thePilotCongressHasQuorumAndItsDecisionsCanPass() throws IOException {
        Scenario.Congress c = read(SOC_TRANG).congresses().get(0);
        Map<String, Scenario.Delegate> roll = c.delegates().stream()
                .collect(Collectors.toMap(Scenario.Delegate::code, Function.identity()));
        long members = c.delegates().stream().filter(d -> d.category() == DelegateCategory.DELEGATE).count();
        long present = c.checkIns().stream().filter(code -> roll.get(code).category() == DelegateCategory.DELEGATE).count();
        assertThat(members).isEqualTo(25);
        assertThat(c.delegates()).filteredOn(d -> d.category() == DelegateCategory.GUEST).hasSize(1);
        assertThat(present).isEqualTo(22);
        assertThat(3 * present).as("R-13: 3 × present ≥ 2 × summoned").isGreaterThanOrEqualTo(2 * members);

        for (Scenario.ShowOfHands d : c.decisions()) {
            assertThat(d.votesFor() + d.votesAgainst() + d.abstentions()).as(d.title()).isLessThanOrEqualTo((int) present);
            assertThat(2 * d.votesFor()).as("R-15: %s passes", d.title()).isGreaterThan((int) present);
        }
        List<String> counting = people(c, DecisionSubject.COUNTING_COMMITTEE);
        List<String> candidates = people(c, DecisionSubject.CANDIDATE_LIST);
        assertThat(counting).hasSize(3);
        assertThat(candidates).hasSize(7).doesNotContainAnyElementsOf(counting);
        assertThat(people(c, DecisionSubject.PRESIDIUM)).hasSize(3);
        assertThat(people(c, DecisionSubject.SECRETARIAT)).hasSize(1);
        assertThat(c.decisions()).filteredOn(d -> d.subject() == DecisionSubject.COMMITTEE_SIZE)
                .singleElement().extracting(Scenario.ShowOfHands::seats).isEqualTo(5);
    }

    @Test
    void aFileThatNamesPeopleWithoutSayingTheyAreInventedIsRefused() {
        String yaml = """
                scenario: unlabelled
                people:
                  - { key: a, fullName: Nguyễn Văn A }
                """;
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fictional");
    }

    @Test
    void aMisspeltKeyOrADanglingReferenceIsRefusedBeforeAnythingLoads() {
        assertThatThrownBy(() -> parse("scenario: typo\nfictional: true\nunit: []\n"))
                .isInstanceOf(UnrecognizedPropertyException.class);
        String yaml = """
                scenario: dangling
                fictional: true
                people:
                  - { key: a, fullName: Nguyễn Văn A }
                congresses:
                  - key: c
                    unit: NOWHERE
                    ordinal: 1
                    term: { startYear: 2023, endYear: 2028 }
                    kind: ALL_MEMBER
                    date: 2023-05-01
                    venue: Hội trường
                    announcedSeats: 3
                    delegates:
                      - { code: D1, person: a, category: DELEGATE }
                      - { code: d1, person: b, category: DELEGATE }
                    checkIns: [D1, D9]
                    decisions:
                      - { subject: AGENDA, title: Chương trình, votesFor: 2, votesAgainst: 0, abstentions: 0 }
                """;
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code d1 appears twice")
                .hasMessageContaining("person b is not in people")
                .hasMessageContaining("D9 is not on the roll")
                .hasMessageContaining("openSession must be true")
                .hasMessageContaining("more votes than voting delegates checked in (1)");
    }

    private static Scenario parse(String yaml) throws IOException {
        return Scenario.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
    }

    private static List<String> people(Scenario.Congress c, DecisionSubject subject) {
        return c.decisions().stream().filter(d -> d.subject() == subject).findFirst().orElseThrow().people();
    }
}

package vn.daihoi.election;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.daihoi.election.infra.JdbcBallotBox;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.BallotBoxAttacker;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.LogCapture;
import vn.daihoi.support.SuperuserView;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, acceptance 1. The database superuser (every table with xmin/ctid, pg_stat_activity, the
 * raw heap pages, the WAL, the application log) attacks a round of 60 voters with random ballots: once with what
 * he captures after the last cast while the round is still open, once with only what is left after the close and
 * its vacuum. He must link no voter to a ballot's content or receipt code, the sealed ballots must not tell
 * contents apart by their length, and the count must still be right.
 */
class BallotBoxAttackApiTest extends ApiTest {

    private static final int VOTERS = 60, SEATS = 2;

    @Autowired
    JdbcBallotBox box;

    record Truth(List<String> kept, String receipt) {}

    @Test
    void theDatabaseSuperuserLinksNoVoterToABallotWhileTheRoundIsOpenNorAfterItsCount() throws InterruptedException {
        LogCapture log = LogCapture.begin();
        try {
            CongressInSession c = new CongressInSession(this, VOTERS + 4, VOTERS);
            c.election(SEATS, c.personIds.subList(VOTERS, VOTERS + 4));
            List<String> list = c.candidateIds;
            Http.Answer opened = c.openRound(1, null);
            assertThat(opened.status()).as(opened.raw()).isEqualTo(201);

            long seed = System.nanoTime();
            Random random = new Random(seed);
            Map<String, Truth> truth = new LinkedHashMap<>();
            for (int v = 0; v < VOTERS; v++) {
                List<String> kept = new ArrayList<>();
                int names = random.nextInt(SEATS + 1);
                List<String> shuffled = new ArrayList<>(list);
                java.util.Collections.shuffle(shuffled, random);
                Set<String> chosen = new HashSet<>(shuffled.subList(0, names));
                list.stream().filter(chosen::contains).forEach(kept::add);
                Http.Answer cast = c.cast(c.voters.get(v), 1, UUID.randomUUID().toString(), kept);
                assertThat(cast.status()).as(cast.raw()).isEqualTo(201);
                truth.put(c.delegateIds.get(v), new Truth(kept, cast.body().path("trackingCode").asText()));
            }

            // During the round: captured after the last cast, before the close.
            SuperuserView during = SuperuserView.capture("during the round", log.text());
            BallotBoxAttacker.Report duringReport = new BallotBoxAttacker(during, BallotBoxAttacker.adr0017(during), list, SEATS).attack();
            Map<String, List<String>> codesWhileOpen = during.find(truth.values().stream()
                    .map(t -> t.receipt().getBytes(StandardCharsets.UTF_8)).toList());
            Score d = score(duringReport, truth);
            // ADR 0017: the test holds what the committee holds; none of it, nor what it rebuilds, may lie anywhere the
            // superuser can read — the shares (as codes and as bytes), the seed, the private key and its parts.
            List<String> codes = c.counting().shares(c.electionId, 1);
            byte[] keySeed = vn.daihoi.election.infra.KeyMaterial.seed(codes);
            List<byte[]> secrets = new ArrayList<>(vn.daihoi.election.infra.KeyMaterial.secrets(keySeed));
            codes.forEach(code -> {
                secrets.add(vn.daihoi.election.infra.KeyMaterial.share(code));
                secrets.add(code.getBytes(StandardCharsets.UTF_8));
                secrets.add(code.replace("-", "").getBytes(StandardCharsets.UTF_8));
            });
            Map<String, List<String>> secretsWhileOpen = during.find(secrets);
            // Control: the attacker is not lazy — handed k − 1 shares he opens nothing, handed k he opens every ballot.
            BallotBoxAttacker.SealedFormat control = BallotBoxAttacker.adr0017(during).format();
            List<byte[]> sealedNow = during.tables.get("ballot_box").stream()
                    .filter(r -> c.electionId.equals(String.valueOf(r.values().get("election_id"))))
                    .map(r -> (byte[]) r.values().get("sealed")).toList();
            assertThat(sealedNow).hasSize(VOTERS);
            int needed = c.counting().sharesNeeded(c.electionId, 1);
            for (int i = 0; i < needed - 1; i++) {
                assertThat(control.open(vn.daihoi.election.infra.KeyMaterial.share(codes.get(i)), sealedNow.get(0))).isEmpty();
            }
            assertThat(control.open(vn.daihoi.election.infra.KeyMaterial.share(codes.get(needed - 1)), sealedNow.get(0))).isPresent();
            Set<String> receipts = new HashSet<>();
            truth.values().forEach(t -> receipts.add(t.receipt()));
            for (byte[] b : sealedNow) {
                assertThat(control.open(new byte[32], b).map(BallotBoxAttacker.Content::receipt).orElse(null)).isIn(receipts);
            }

            Http.Answer closed = c.close(1);
            assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
            for (int i = 0; i < 600 && box.vacuuming(); i++) Thread.sleep(50);

            // After the close and its vacuum, with nothing kept from the round. The capture above issued a CHECKPOINT
            // while the round was open; a real round outlasts checkpoint_timeout (5 min), so one happens in it anyway,
            // and the close's first change to each page then writes that page whole into the WAL.
            SuperuserView after = SuperuserView.capture("after the close", log.text());
            BallotBoxAttacker.Report afterReport = new BallotBoxAttacker(after, BallotBoxAttacker.adr0017(after), list, SEATS).attack();
            Score a = score(afterReport, truth);
            Map<String, List<String>> secretsAfter = after.find(secrets);
            // For comparison only: the same leftovers without the WAL (tables and heap files).
            Score heapOnly = score(new BallotBoxAttacker(after.withoutWal(), BallotBoxAttacker.adr0017(after.withoutWal()), list, SEATS).attack(), truth);

            System.out.println("""
                    === Issue 10 attack (seed %d) ===
                    %s
                    pg_stat_statements: %s
                    DURING the round: linked %d/%d voters to a content or receipt (%s); wrong claims %d; sealed seen %d, opened %d, \
                    %d key candidates, key found in: %s; sealed lengths %s; sealed links by method %s; Spearman(physical, xmin) %.3f; \
                    receipt codes stored in plain: %d; key material found: %s
                    %s
                    %s
                    AFTER the close: linked %d/%d voters to a content or receipt (%s); wrong claims %d; sealed seen %d, opened %d, \
                    %d key candidates, key found in: %s; sealed lengths %s; sealed links by method %s; Spearman(physical, xmin) %.3f
                    %s
                    AFTER the close, tables and heap files only (no WAL): linked %d/%d (%s)"""
                    .formatted(seed, during.summary(),
                            during.statementsUnavailable == null ? "available" : "unavailable: " + during.statementsUnavailable,
                            d.linked.size(), VOTERS, d.byMethod, d.wrong, duringReport.sealedSeen(), duringReport.sealedOpened(),
                            duringReport.keyCandidates(), duringReport.keyFoundIn(), duringReport.sealedLengths(),
                            duringReport.sealedLinksByMethod(), duringReport.spearmanPhysicalVsXmin(), codesWhileOpen.size(), secretsWhileOpen.keySet(),
                            String.join("\n", duringReport.notes()), after.summary(),
                            a.linked.size(), VOTERS, a.byMethod, a.wrong, afterReport.sealedSeen(), afterReport.sealedOpened(),
                            afterReport.keyCandidates(), afterReport.keyFoundIn(), afterReport.sealedLengths(),
                            afterReport.sealedLinksByMethod(), afterReport.spearmanPhysicalVsXmin(), String.join("\n", afterReport.notes()),
                            heapOnly.linked.size(), VOTERS, heapOnly.byMethod));

            JsonNode result = closed.body();
            Map<String, Integer> expected = new TreeMap<>();
            list.forEach(k -> expected.put(k, 0));
            truth.values().forEach(t -> t.kept().forEach(k -> expected.merge(k, 1, Integer::sum)));
            Map<String, Integer> counted = new TreeMap<>();
            result.path("lines").forEach(l -> counted.put(l.path("candidateId").asText(), l.path("votes").asInt()));

            SoftAssertions.assertSoftly(s -> {
                s.assertThat(d.linked).as("voters linked to a content or receipt while the round is open").isEmpty();
                s.assertThat(codesWhileOpen).as("receipt codes readable while the round is open").isEmpty();
                s.assertThat(secretsWhileOpen).as("key shares, seed or private key readable while the round is open").isEmpty();
                s.assertThat(secretsAfter).as("key shares, seed or private key readable after the close").isEmpty();
                s.assertThat(afterReport.sealedOpened()).as("leftover sealed ballots opened after the close").isZero();
                s.assertThat(duringReport.sealedOpened()).as("sealed ballots opened while the round is open").isZero();
                // One length per round (the fullest ballot the round allows); other rounds in the shared test database
                // may have other lists and so other lengths, which says nothing about any content.
                s.assertThat(sealedNow.stream().map(b -> b.length).collect(java.util.stream.Collectors.toSet()))
                        .as("lengths of this round's sealed ballots").hasSize(1);
                s.assertThat(a.linked).as("voters linked to a content or receipt after the close").isEmpty();
                s.assertThat(result.path("collected").asInt()).as("ballots collected").isEqualTo(VOTERS);
                s.assertThat(counted).as("votes per candidate").isEqualTo(expected);
                List<String> published = new ArrayList<>();
                result.path("ballots").forEach(b -> published.add(b.path("trackingCode").asText()));
                s.assertThat(published).as("published receipts").containsExactlyInAnyOrderElementsOf(
                        truth.values().stream().map(Truth::receipt).toList());
            });
        } finally {
            log.stop();
        }
    }

    /** Voters a claim links correctly (content or receipt), by method; claims that are wrong. */
    record Score(Set<String> linked, Map<String, Integer> byMethod, int wrong) {}

    private static Score score(BallotBoxAttacker.Report r, Map<String, Truth> truth) {
        Set<String> linked = new java.util.TreeSet<>();
        Map<String, Integer> byMethod = new TreeMap<>();
        int wrong = 0;
        for (BallotBoxAttacker.Claim c : r.claims()) {
            Truth t = truth.get(c.voter());
            boolean right = t != null && ((c.content().kept() != null && new HashSet<>(c.content().kept()).equals(new HashSet<>(t.kept())))
                    || (c.content().receipt() != null && c.content().receipt().equals(t.receipt())));
            if (right) {
                linked.add(c.voter());
                byMethod.merge(c.method(), 1, Integer::sum);
            } else {
                wrong++;
            }
        }
        return new Score(linked, byMethod, wrong);
    }
}

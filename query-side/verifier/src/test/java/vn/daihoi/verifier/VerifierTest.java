package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each tampering an attacker with write access could try is caught and named; an intact bundle verifies. */
class VerifierTest {

    private static Report verify(byte[] zip) throws Unusable {
        return new Verifier(Set.of()).verify(zip);
    }

    private static void assertFailsWith(Report report, String... english) {
        assertFalse(report.passed(), report.text());
        for (String e : english) {
            assertTrue(report.failures().stream().anyMatch(f -> f.en().contains(e)), "expected «" + e + "» in\n" + report.text());
        }
    }

    private static ObjectNode event(BundleBuilder b, String aggregateId, int sequence) {
        return b.events.stream().filter(e -> e.path("aggregateId").asText().equals(aggregateId) && e.path("sequence").asInt() == sequence)
                .findFirst().orElseThrow();
    }

    @Test
    void anIntactBundleVerifiesWithAVerdictPerRound() throws Exception {
        Report report = verify(SampleCongress.bundle().zip());

        assertTrue(report.passed(), report.text());
        String text = report.text();
        assertTrue(text.contains("e1, vòng 1: ĐÚNG — phiếu thu về 5, trúng cử: cand-1"), text);
        assertTrue(text.contains("e1, round 1: VALID — 5 ballots collected, elected: cand-1"), text);
        assertTrue(text.contains("e2, round 1: VALID — 3 ballots collected"), text);
        assertTrue(text.contains("e3, vòng 1: HỦY — Mất mảnh khóa (quyết định NQ-7)"), text);
        assertTrue(text.contains("e3, round 1: VOID"), text);
        assertTrue(text.indexOf("ĐÚNG: mọi kiểm tra đều đạt.") < text.indexOf("VALID: every check passed."), text);
    }

    @Test
    void anErasedPersonsEventTravelsWithItsPayloadsDigestAndTheChainStillChecks() throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        b.event("c1", "vn.daihoi.congress.DelegateSummoned", "{\"congressId\":\"c1\",\"personId\":\"erased-person\",\"code\":\"DB9\"}");
        ObjectNode summoned = b.events.get(b.events.size() - 1);
        byte[] payload = Base64.getDecoder().decode(summoned.path("payload").asText());
        summoned.putNull("payload");
        summoned.put("payloadSha256", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(payload)));
        Report withheld = verify(b.zip());
        assertTrue(withheld.passed(), withheld.text());

        // A digest that does not match what was chained is caught like a changed payload.
        String digest = summoned.path("payloadSha256").asText();
        summoned.put("payloadSha256", (digest.charAt(0) == '0' ? "1" : "0") + digest.substring(1));
        assertFailsWith(verify(b.zip()), "Stream c1, sequence " + summoned.path("sequence").asLong() + ": the hash does not recompute");
    }

    @Test
    void aChangedPayloadByteIsNamedByStreamAndSequence() throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        ObjectNode opened = event(b, "e1", 2);
        byte[] payload = Base64.getDecoder().decode(opened.path("payload").asText());
        String text = new String(payload, StandardCharsets.UTF_8).replace("\"seats\":2", "\"seats\":3");
        opened.put("payload", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));

        assertFailsWith(verify(b.zip()), "Stream e1, sequence 2: the hash does not recompute",
                "Election «Ban Chấp hành» e1, round 1: the election's event stream e1 is broken from sequence 2");
    }

    @Test
    void aResultRewrittenWithARecomputedChainFailsTheRecountAndTheCheckpoint() throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        ObjectNode counted = event(b, "e1", 4);
        ObjectNode p = BundleBuilder.payload(counted);
        ((ObjectNode) p.at("/result/lines/1")).put("votes", 3);
        BundleBuilder.setPayload(counted, p);
        b.rechain();

        assertFailsWith(verify(b.zip()), "Checkpoint round e1#1: its digest does not match",
                "the event's result differs from the recount at result.lines[1].votes: the event says 3, the recount 2",
                "the round's checkpoint does not verify");
    }

    @Test
    void reorderedEventsAreCaught() throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        ObjectNode second = b.events.remove(2);
        b.events.add(3, second); // e1's sequences now read 0, 2, 1, …

        assertFailsWith(verify(b.zip()), "events.jsonl line 4: global index", "Stream e1: sequence 2 where 1 was expected");
    }

    @Test
    void aMissingEventIsCaught() throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        b.events.remove(event(b, "e2", 1));

        assertFailsWith(verify(b.zip()), "Stream e2: sequence 2 where 1 was expected", "Stream e2, sequence 2: the hash does not recompute");
    }

    @Test
    void aChangedBallotInBallotsJsonIsNamedByItsTrackingCode() throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        ArrayNode kept = (ArrayNode) b.ballots.get(0).get("ballots").get(2).get("keptCandidateIds");
        kept.removeAll().add("cand-3");

        assertFailsWith(verify(b.zip()), "e1, round 1: the published ballots in ballots.json differ from the counting event's, first at ballot E1A");
    }

    @Test
    void aChangedResultInResultsJsonIsNamedByField() throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        ((ObjectNode) b.results.get(1).at("/result/lines/0")).put("dismissal", false);

        assertFailsWith(verify(b.zip()), "Confidence vote «Lấy phiếu tín nhiệm» e2, round 1: results.json differs from the recount at "
                + "result.lines[0].dismissal: the file says false, the recount true");
    }

    @Test
    void aBadSignatureIsCaught() throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        ObjectNode c = (ObjectNode) b.checkpoints.get(1);
        byte[] sig = Base64.getDecoder().decode(c.path("signature").asText());
        sig[10] ^= 1;
        c.put("signature", Base64.getEncoder().encodeToString(sig));

        assertFailsWith(verify(b.zip()), "Checkpoint round e2#1: the signature does not verify", "e2, round 1: the round's checkpoint does not verify");
    }

    @Test
    void aFingerprintThatIsNotTheStatementsIsCaught() throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        ((ObjectNode) b.checkpoints.get(0)).put("fingerprint", "0000-1111-2222-3333");

        assertFailsWith(verify(b.zip()), "Checkpoint round e1#1: fingerprint 0000-1111-2222-3333 is not the signed statement's");
    }

    @Test
    void aRoundWithoutACheckpointIsUnsigned() throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        b.checkpoints.remove(0);

        assertFailsWith(verify(b.zip()), "e1, round 1: no signed checkpoint covers the round's counting event (unsigned)");
    }

    @Test
    void aWrongManifestHashNamesTheFile() throws Exception {
        Map<String, byte[]> files = SampleCongress.bundle().files();
        files.put("README.txt", "java -jar something-else.jar\n".getBytes(StandardCharsets.UTF_8));

        assertFailsWith(verify(BundleBuilder.zip(files)), "File README.txt: its SHA-256 does not match manifest.json");
    }

    @Test
    void ballotsThatDoNotBalanceWithTheVotersAreCaught() throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        ObjectNode closed = event(b, "e1", 3);
        ObjectNode p = BundleBuilder.payload(closed);
        p.put("paperBallots", 1);
        p.set("participantDelegateIds", BundleBuilder.JSON.createArrayNode().add("d1").add("d2").add("d3").add("d4"));
        BundleBuilder.setPayload(closed, p);
        b.rechain();

        assertFailsWith(verify(b.zip()), "ballots counted (5, 2 on paper) differ from the voters who took part (4 electronic + 1 paper collected) (R-29)");
    }

    @Test
    void aBallotCountedValidAgainstTheRulesIsNamed() throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        ObjectNode counted = event(b, "e1", 4);
        ObjectNode p = BundleBuilder.payload(counted);
        ((ArrayNode) p.at("/ballots/2/keptCandidateIds")).add("cand-3"); // three names for two seats
        BundleBuilder.setPayload(counted, p);
        b.rechain();

        assertFailsWith(verify(b.zip()), "Ballot E1A is counted as valid but keeps more names than there are seats (R-25)");
    }

    @Test
    void exitCodesSayValidInvalidOrUnusable(@TempDir Path dir) throws Exception {
        Path good = Files.write(dir.resolve("good.zip"), SampleCongress.bundle().zip());
        BundleBuilder tampered = SampleCongress.bundle();
        ((ObjectNode) tampered.results.get(0).at("/result")).put("vacancies", 0);
        Path bad = Files.write(dir.resolve("bad.zip"), tampered.zip());
        Path notZip = Files.writeString(dir.resolve("notes.zip"), "not a zip at all");
        Map<String, byte[]> files = SampleCongress.bundle().files();
        files.remove("keys.json");
        Path incomplete = Files.write(dir.resolve("incomplete.zip"), BundleBuilder.zip(files));

        assertEquals(0, run(good.toString()));
        assertEquals(1, run(bad.toString()));
        assertEquals(2, run(notZip.toString()));
        assertEquals(2, run(incomplete.toString()));
        assertEquals(2, run(dir.resolve("absent.zip").toString()));
        assertEquals(2, run());
    }

    @Test
    void aKeyNotAmongTheAuditorsTrustedKeysFails(@TempDir Path dir) throws Exception {
        BundleBuilder b = SampleCongress.bundle();
        Path bundle = Files.write(dir.resolve("b.zip"), b.zip());
        Path own = Files.write(dir.resolve("own.json"), BundleBuilder.bytes(b.keys));
        Path other = Files.write(dir.resolve("other.json"), BundleBuilder.bytes(new BundleBuilder().keys));

        assertEquals(0, run(bundle.toString(), "--trust", own.toString()));
        assertEquals(1, run(bundle.toString(), "--trust", other.toString()));
    }

    private static int run(String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}

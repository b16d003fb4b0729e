package vn.daihoi.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.daihoi.support.ApiTest;
import vn.daihoi.support.Ballots;
import vn.daihoi.support.CongressInSession;
import vn.daihoi.support.Http;
import vn.daihoi.support.Http.Answer;
import vn.daihoi.support.PdfText;
import vn.daihoi.support.Scenario;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The congress bundle (docs/bundle.md, ADR 0018), checked as an outside auditor would: every file's sum in the
 * manifest, every event of the congress and its elections in global order from sequence 0, the chain recomputed
 * from the bundle's bytes alone, the round checkpoint's digest recomputed and its signature checked with the key
 * the federation publishes; ballots and results as served; the minutes print the fingerprint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleApiTest extends ApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private CongressInSession c;
    private String election;
    private Map<String, byte[]> bundle;

    @BeforeAll
    void aCountedCongressExported() throws IOException {
        c = new CongressInSession(this, 5, 5);
        List<String> candidates = c.personIds.subList(0, 4);
        election = new Ballots(c.organiser, c.scenario.congress).elect("EXECUTIVE_COMMITTEE", 3, candidates, candidates.subList(0, 2), c.voters)
                .electionId();
        for (int i = 0; i < 150 && jdbc.queryForList("select 1 from checkpoint where kind = 'round' and subject = ?", election + "#1").isEmpty(); i++) {
            TamperEvidenceApiTest.sleep(100);
        }
        bundle = unzip(c.organiser.getBytes(c.path("/bundle")));
    }

    @Test
    void theBundleHoldsTheDocumentedFilesEachWithItsSumInTheManifest() throws IOException {
        assertThat(bundle.keySet()).containsExactlyInAnyOrder("manifest.json", "events.jsonl", "checkpoints.json", "keys.json", "ballots.json",
                "results.json", "minutes/" + election + "-1.pdf", "README.txt");
        JsonNode manifest = JSON.readTree(bundle.get("manifest.json"));
        assertThat(manifest.path("format").asText()).isEqualTo("daihoi-bundle/1");
        assertThat(manifest.path("congressId").asText()).isEqualTo(c.scenario.congress);
        assertThat(manifest.path("unitId").asText()).isEqualTo(c.scenario.branch);
        assertThat(manifest.path("unitName").asText()).isEqualTo("Công đoàn cơ sở Sở Nội vụ tỉnh Sóc Trăng");
        assertThat(manifest.path("profile").path("id").asText()).isNotBlank();
        Map<String, String> sums = new TreeMap<>();
        manifest.path("files").fields().forEachRemaining(e -> sums.put(e.getKey(), e.getValue().asText()));
        Map<String, String> actual = new TreeMap<>();
        bundle.forEach((name, bytes) -> { if (!name.equals("manifest.json")) actual.put(name, sha256(bytes)); });
        assertThat(sums).isEqualTo(actual);
        String readme = new String(bundle.get("README.txt"), StandardCharsets.UTF_8);
        assertThat(readme).contains("java -jar verifier.jar bundle.zip").contains("GÓI HỒ SƠ ĐẠI HỘI").contains("CONGRESS BUNDLE");
        assertThat(readme.indexOf("GÓI HỒ SƠ")).isLessThan(readme.indexOf("CONGRESS BUNDLE"));
    }

    @Test
    void theEventsAreEveryStreamOfTheCongressCompleteInGlobalOrderAndTheirChainRecomputes() throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (String line : new String(bundle.get("events.jsonl"), StandardCharsets.UTF_8).split("\n")) events.add(JSON.readTree(line));
        List<String> streams = new ArrayList<>(List.of(c.scenario.congress));
        streams.addAll(jdbc.queryForList("select election_id from cmd_election where congress_id = ?", String.class, c.scenario.congress));
        assertThat(streams).contains(election);
        long stored = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = any (?) and global_index <= ?",
                Long.class, streams.toArray(String[]::new), events.get(events.size() - 1).path("globalIndex").asLong());
        assertThat(events).hasSize((int) stored);
        long last = 0;
        Map<String, Long> next = new HashMap<>();
        Map<String, byte[]> previous = new HashMap<>();
        for (JsonNode e : events) {
            assertThat(e.path("globalIndex").asLong()).isGreaterThan(last);
            last = e.path("globalIndex").asLong();
            String stream = e.path("aggregateId").asText();
            assertThat(streams).contains(stream);
            assertThat(e.path("sequence").asLong()).isEqualTo(next.getOrDefault(stream, 0L));
            next.put(stream, e.path("sequence").asLong() + 1);
            byte[] h = ChainFormula.hash(previous.getOrDefault(stream, new byte[32]), e.path("eventId").asText(), stream,
                    e.path("sequence").asLong(), e.path("aggregateType").isNull() ? null : e.path("aggregateType").asText(),
                    e.path("timestamp").asText(), e.path("payloadType").asText(),
                    e.path("payloadRevision").isNull() ? null : e.path("payloadRevision").asText(),
                    Base64.getDecoder().decode(e.path("payload").asText()),
                    e.path("metaData").isNull() ? null : Base64.getDecoder().decode(e.path("metaData").asText()));
            assertThat(HEX.formatHex(h)).as("hash of %s#%s", stream, e.path("sequence")).isEqualTo(e.path("hash").asText());
            previous.put(stream, h);
        }
        assertThat(next.keySet()).containsAll(streams);
    }

    @Test
    void theRoundCheckpointRecomputesFromTheBundleAndItsSignatureVerifiesWithThePublishedFederationKey() throws Exception {
        JsonNode checkpoints = JSON.readTree(bundle.get("checkpoints.json"));
        JsonNode round = null;
        int periodic = 0;
        for (JsonNode cp : checkpoints) {
            if (cp.path("statement").asText().contains("\nsubject: " + election + "#1\n")) round = cp;
            if (cp.path("statement").asText().contains("\nkind: periodic\n")) periodic++;
        }
        assertThat(round).as(checkpoints.toString()).isNotNull();
        assertThat(periodic).isEqualTo(1);
        periodicIsSignedByTheInstanceKey(checkpoints);
        String statement = round.path("statement").asText();
        Map<String, String> fields = new LinkedHashMap<>();
        String[] lines = statement.split("\n");
        assertThat(lines[0]).isEqualTo("daihoi-checkpoint/1");
        for (int i = 1; i < lines.length; i++) fields.put(lines[i].substring(0, lines[i].indexOf(": ")), lines[i].substring(lines[i].indexOf(": ") + 2));
        assertThat(statement).endsWith("\n");
        assertThat(fields.keySet()).containsExactly("kind", "subject", "upTo", "scope", "digest", "at", "key");
        assertThat(fields.get("kind")).isEqualTo("round");
        assertThat(fields.get("at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(List.of(fields.get("scope").split(","))).contains(c.scenario.congress, election);

        // The digest, from the bundle's events alone.
        long upTo = Long.parseLong(fields.get("upTo"));
        TreeMap<String, String[]> heads = new TreeMap<>(BundleApiTest::utf8);
        List<String> scope = List.of(fields.get("scope").split(","));
        for (String line : new String(bundle.get("events.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            JsonNode e = JSON.readTree(line);
            if (e.path("globalIndex").asLong() <= upTo && scope.contains(e.path("aggregateId").asText())) {
                heads.put(e.path("aggregateId").asText(), new String[]{e.path("sequence").asText(), e.path("hash").asText()});
            }
        }
        StringBuilder digest = new StringBuilder();
        heads.forEach((id, h) -> digest.append(id).append('\t').append(h[0]).append('\t').append(h[1]).append('\n'));
        assertThat(sha256(digest.toString().getBytes(StandardCharsets.UTF_8))).isEqualTo(fields.get("digest"));
        String fp = sha256(statement.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        assertThat(round.path("fingerprint").asText())
                .isEqualTo(fp.substring(0, 4) + "-" + fp.substring(4, 8) + "-" + fp.substring(8, 12) + "-" + fp.substring(12));

        // The signature, with the key published to anyone, of the federation above the branch.
        Answer keys = anonymous().get("/api/federation-keys");
        assertThat(keys.status()).isEqualTo(200);
        JsonNode key = null;
        for (JsonNode k : keys.body()) if (k.path("keyId").asText().equals(fields.get("key"))) key = k;
        assertThat(key).as(keys.raw()).isNotNull();
        assertThat(key.path("unitId").asText()).isEqualTo(c.scenario.province);
        assertThat(key.path("algorithm").asText()).isEqualTo("Ed25519");
        byte[] der = Base64.getDecoder().decode(key.path("publicKey").asText());
        assertThat(sha256(der).substring(0, 16)).isEqualTo(fields.get("key"));
        assertThat(verifies(der, statement, round.path("signature").asText())).isTrue();
        assertThat(verifies(der, statement.replace("kind: round", "kind: rounD"), round.path("signature").asText())).isFalse();
        JsonNode bundled = null;
        for (JsonNode k : JSON.readTree(bundle.get("keys.json"))) if (k.path("keyId").asText().equals(fields.get("key"))) bundled = k;
        assertThat(bundled).isNotNull();
        assertThat(bundled.path("publicKey").asText()).isEqualTo(key.path("publicKey").asText());
        assertThat(bundled.path("unitName").asText()).isEqualTo("Liên đoàn Lao động tỉnh Sóc Trăng");
    }

    @Test
    void ballotsAndResultsAreThoseThePublishedRoundServes() throws IOException {
        JsonNode ballots = JSON.readTree(bundle.get("ballots.json"));
        assertThat(ballots).hasSize(1);
        assertThat(ballots.get(0).path("electionId").asText()).isEqualTo(election);
        assertThat(ballots.get(0).path("ballots")).hasSize(c.voters.size());
        JsonNode first = ballots.get(0).path("ballots").get(0);
        assertThat(first.has("trackingCode")).isTrue();
        assertThat(first.path("keptCandidateIds")).hasSize(2);
        assertThat(first.has("invalid") && first.has("paper") && first.has("ratings")).isTrue();
        JsonNode results = JSON.readTree(bundle.get("results.json"));
        assertThat(results).hasSize(1);
        assertThat(results.get(0).path("kind").asText()).isEqualTo("ELECTION");
        JsonNode result = results.get(0).path("result");
        assertThat(result.path("collected").asInt()).isEqualTo(c.voters.size());
        assertThat(result.path("electedCandidateIds")).hasSize(2);
        // Exactly the shape of RoundCounted's result, as stored.
        byte[] stored = jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? and payload_type = ?",
                byte[].class, election, "vn.daihoi.election.RoundCounted");
        assertThat(result).isEqualTo(JSON.readTree(stored).path("result"));
    }

    @Test
    void theMinutesPrintTheCheckpointFingerprintAndKey() throws IOException {
        Map<String, Object> cp = jdbc.queryForMap("select fingerprint, key_id from checkpoint where kind = 'round' and subject = ?", election + "#1");
        String served = PdfText.of(c.organiser.getBytes("/api/elections/" + election + "/rounds/1/minutes.pdf"));
        assertThat(served).contains("Dấu kiểm chứng (checkpoint fingerprint)").contains((String) cp.get("fingerprint")).contains((String) cp.get("key_id"));
        assertThat(PdfText.of(bundle.get("minutes/" + election + "-1.pdf"))).contains((String) cp.get("fingerprint"));
    }

    @Test
    void anotherUnitsOrganiserIsRefusedAnAuditorAboveIsServedAndAnUnknownCongressIsNotFound() {
        Scenario other = new Scenario(admin());
        String province = other.unit("HG", "Liên đoàn Lao động tỉnh Hậu Giang", "PROVINCIAL_FEDERATION", null);
        Answer refused = account("ORGANISER", province).get(c.path("/bundle"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().path("code").asText()).isEqualTo("forbidden");
        assertThat(account("AUDITOR", province).get(c.path("/bundle")).status()).isEqualTo(403);
        byte[] audited = account("AUDITOR", c.scenario.province).getBytes(c.path("/bundle"));
        assertThat(audited).isNotEmpty();
        Answer unknown = admin().get("/api/congresses/" + java.util.UUID.randomUUID() + "/bundle");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anAdministratorRotatesAFederationKeyAndTheRetiredOneStaysPublished() {
        List<String> before = new ArrayList<>();
        for (JsonNode k : anonymous().get("/api/federation-keys").body()) {
            if (k.path("unitId").asText().equals(c.scenario.province) && k.path("retiredAt").isNull()) before.add(k.path("keyId").asText());
        }
        assertThat(before).hasSize(1);
        assertThat(c.organiser.post("/api/federation-keys", "{\"unitId\":\"" + c.scenario.province + "\"}").status()).isEqualTo(403);
        Answer branch = admin().post("/api/federation-keys", "{\"unitId\":\"" + c.scenario.branch + "\"}");
        assertThat(branch.status()).isEqualTo(422);
        assertThat(branch.body().path("code").asText()).isEqualTo("not-a-federation");
        Answer rotated = admin().post("/api/federation-keys", "{\"unitId\":\"" + c.scenario.province + "\"}");
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(201);
        String fresh = rotated.body().path("keyId").asText();
        Map<String, JsonNode> now = new HashMap<>();
        for (JsonNode k : anonymous().get("/api/federation-keys").body()) now.put(k.path("keyId").asText(), k);
        assertThat(now.get(before.get(0)).path("retiredAt").isNull()).isFalse();
        assertThat(now.get(fresh).path("retiredAt").isNull()).isTrue();
        assertThat(now.get(fresh).path("unitName").asText()).isEqualTo("Liên đoàn Lao động tỉnh Sóc Trăng");
        // The old checkpoint still verifies against the retired key.
        Answer verified = admin().post("/api/operations/verify", "");
        assertThat(verified.body().path("findings")).as(verified.raw()).isEmpty();
    }

    @Test
    void anErasedPersonsEventsTravelWithoutTheirPayloadYetTheirChainStillRecomputes() throws IOException {
        CongressInSession small = new CongressInSession(this, 3, 3);
        String person = small.personIds.get(2);
        Answer erased = admin().post("/api/people/" + person + "/erase", "{\"requestReference\":\"YC-2026-018\"}");
        assertThat(erased.status()).as(erased.raw()).isEqualTo(200);
        Map<String, byte[]> files = unzip(small.organiser.getBytes(small.path("/bundle")));
        int withheld = 0;
        Map<String, byte[]> previous = new HashMap<>();
        for (String line : new String(files.get("events.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            JsonNode e = JSON.readTree(line);
            byte[] digest;
            if (e.path("payload").isNull()) {
                withheld++;
                byte[] stored = jdbc.queryForObject("select payload from domain_event_entry where global_index = ?", byte[].class,
                        e.path("globalIndex").asLong());
                assertThat(new String(stored, StandardCharsets.UTF_8)).contains(person);
                assertThat(e.path("payloadSha256").asText()).isEqualTo(sha256(stored));
                digest = HEX.parseHex(e.path("payloadSha256").asText());
            } else {
                byte[] payload = Base64.getDecoder().decode(e.path("payload").asText());
                assertThat(new String(payload, StandardCharsets.UTF_8)).doesNotContain(person);
                digest = MessageDigestHolder.sha256(payload);
            }
            String stream = e.path("aggregateId").asText();
            byte[] h = ChainFormula.withPayloadDigest(previous.getOrDefault(stream, new byte[32]), e.path("eventId").asText(), stream,
                    e.path("sequence").asLong(), e.path("aggregateType").isNull() ? null : e.path("aggregateType").asText(),
                    e.path("timestamp").asText(), e.path("payloadType").asText(),
                    e.path("payloadRevision").isNull() ? null : e.path("payloadRevision").asText(), digest,
                    e.path("metaData").isNull() ? null : Base64.getDecoder().decode(e.path("metaData").asText()));
            assertThat(HEX.formatHex(h)).isEqualTo(e.path("hash").asText());
            previous.put(stream, h);
        }
        assertThat(withheld).as("the erased delegate's summons at least").isGreaterThanOrEqualTo(1);
    }

    private static final class MessageDigestHolder {
        static byte[] sha256(byte[] b) {
            return HEX.parseHex(BundleApiTest.sha256(b));
        }
    }

    private void periodicIsSignedByTheInstanceKey(JsonNode checkpoints) throws Exception {
        for (JsonNode cp : checkpoints) {
            String statement = cp.path("statement").asText();
            if (!statement.contains("\nkind: periodic\n")) continue;
            assertThat(statement).contains("\nsubject: all\n").contains("\nscope: *\n");
            JsonNode key = null;
            for (JsonNode k : anonymous().get("/api/federation-keys").body()) if (k.path("keyId").asText().equals(cp.path("keyId").asText())) key = k;
            assertThat(key).isNotNull();
            assertThat(key.path("unitId").isNull()).as("the instance key").isTrue();
            assertThat(verifies(Base64.getDecoder().decode(key.path("publicKey").asText()), statement, cp.path("signature").asText())).isTrue();
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    FederationKeys federationKeys;

    @Test
    void privateKeysAreFilesOnlyTheirOwnerReadsAndNeverInTheDatabase() throws Exception {
        String keyId = jdbc.queryForObject("select key_id from checkpoint where kind = 'round' and subject = ?", String.class, election + "#1");
        java.nio.file.Path file = federationKeys.file(keyId);
        assertThat(java.nio.file.Files.getPosixFilePermissions(file)).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThat(java.nio.file.Files.getPosixFilePermissions(file.getParent()))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        String pem = java.nio.file.Files.readString(file);
        byte[] pkcs8 = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
        // The private key's bytes (the last 32 of its PKCS#8 form) are in no column of the key or checkpoint tables.
        String secret = HEX.formatHex(java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length));
        assertThat(jdbc.queryForObject("""
                select count(*) from federation_key where position(decode(?, 'hex') in public_key) > 0""", Long.class, secret)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from checkpoint where statement like ? or signature like ?", Long.class,
                "%" + secret + "%", "%" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length)) + "%"))
                .isZero();
    }

    private static boolean verifies(byte[] der, String statement, String signature) throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
        s.update(statement.getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.getDecoder().decode(signature));
    }

    private static int utf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) files.put(e.getName(), in.readAllBytes());
        }
        return files;
    }
}

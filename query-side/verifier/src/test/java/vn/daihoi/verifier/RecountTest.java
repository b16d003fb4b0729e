package vn.daihoi.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules of the count, on small cases at their edges. */
class RecountTest {

    private static final Recount.Share HALF = new Recount.Share(1, 2);

    private static ArrayNode ballots(String... kept) {
        ArrayNode a = BundleBuilder.JSON.createArrayNode();
        int n = 0;
        for (String k : kept) {
            ObjectNode b = a.addObject().put("trackingCode", "T" + n++).put("paper", false);
            ArrayNode names = b.putArray("keptCandidateIds");
            if (k.equals("!")) b.put("invalid", "UNCLEAR");
            else if (!k.isEmpty()) for (String c : k.split(",")) names.add(c);
        }
        return a;
    }

    private static List<String> outcomes(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("lines").forEach(l -> out.add(l.get("candidateId").asText() + "=" + l.get("outcome").asText()));
        return out;
    }

    @Test
    void exactlyHalfOfBallotsCollectedIsNotEnough() {
        // 2 of 4 collected (one invalid) is half, not more than half; 3 of 4 is.
        ObjectNode r = Recount.election(List.of("a", "b"), 2, ballots("a,b", "a", "b", "!"), HALF, true, new ArrayList<>());
        assertEquals(List.of("a=BELOW_THRESHOLD", "b=BELOW_THRESHOLD"), outcomes(r));
        assertEquals(2, r.get("vacancies").asInt());

        r = Recount.election(List.of("a", "b"), 2, ballots("a,b", "a", "a", "!"), HALF, true, new ArrayList<>());
        assertEquals(List.of("a=ELECTED", "b=BELOW_THRESHOLD"), outcomes(r));
    }

    @Test
    void aTieAtTheLastSeatElectsNobodyOfTheTied() {
        // a 5 of 7, b and c both 4 of 7 (above half) for the one seat left after a.
        ObjectNode r = Recount.election(List.of("c", "b", "a", "d"), 2, ballots("a,b", "a,c", "a,b", "a,c", "a", "b,c", "b,c"), HALF, true,
                new ArrayList<>());
        assertEquals(List.of("a=ELECTED", "c=TIED_FOR_LAST_SEAT", "b=TIED_FOR_LAST_SEAT", "d=BELOW_THRESHOLD"), outcomes(r));
        assertEquals("[\"c\",\"b\"]", r.get("tiedCandidateIds").toString());
        assertEquals(1, r.get("tieSeats").asInt());
        assertEquals(1, r.get("vacancies").asInt());
        assertEquals("57.14", r.at("/lines/1/percentOfCollected").asText());
    }

    @Test
    void candidatesAboveTheThresholdBeyondTheSeatsGetNoSeat() {
        ObjectNode r = Recount.election(List.of("a", "b"), 1, ballots("a", "a", "b", "a,b"), HALF, true, new ArrayList<>());
        // a 3/4, b 2/4: b is not above half; with a 2/3 threshold a is below it too.
        assertEquals(List.of("a=ELECTED", "b=BELOW_THRESHOLD"), outcomes(r));
        r = Recount.election(List.of("a", "b"), 1, ballots("a", "a", "b", "a"), new Recount.Share(0, 1), true, new ArrayList<>());
        assertEquals(List.of("a=ELECTED", "b=NO_SEAT_LEFT"), outcomes(r));
        r = Recount.election(List.of("a", "b"), 1, ballots("a", "a", "b", "b"), new Recount.Share(2, 3), true, new ArrayList<>());
        assertEquals(List.of("a=BELOW_THRESHOLD", "b=BELOW_THRESHOLD"), outcomes(r));
    }

    @Test
    void percentagesAreOfBallotsCollectedRoundedHalfUp() {
        assertEquals("12.50", Recount.percent(1, 8));
        assertEquals("66.67", Recount.percent(2, 3));
        assertEquals("16.67", Recount.percent(1, 6));
        assertEquals("0.01", Recount.percent(1, 10000 - 1999)); // 0.0124… → 0.01
        assertEquals("0.01", Recount.percent(1, 20000));        // 0.005 → half up
        assertEquals("100.00", Recount.percent(7, 7));
        assertEquals("0.00", Recount.percent(0, 0));
    }
}

package vn.daihoi.organisation;

import jakarta.validation.constraints.NotBlank;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;

import java.time.LocalDate;

/** A decision as a request body gives it (number, signing date, issuer): units, congresses and term shifts. */
public record DecisionBody(@NotBlank @Line(max = Limits.DECISION_NUMBER) String number, LocalDate signedOn, @Line(max = Limits.NAME) String issuedBy) {
    public Decision toDecision() {
        return new Decision(number, signedOn, issuedBy);
    }
}

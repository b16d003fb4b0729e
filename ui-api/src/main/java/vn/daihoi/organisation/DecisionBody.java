package vn.daihoi.organisation;

import jakarta.validation.constraints.NotBlank;

import java.time.LocalDate;

/** A decision as a request body gives it (number, signing date, issuer): units, congresses and term shifts. */
public record DecisionBody(@NotBlank String number, LocalDate signedOn, String issuedBy) {
    public Decision toDecision() {
        return new Decision(number, signedOn, issuedBy);
    }
}

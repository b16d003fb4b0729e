package vn.daihoi.organisation;

import vn.daihoi.common.Text;

import java.time.LocalDate;

/** The decision (quyết định) behind a change: its number, the day it was signed and who issued it. */
public record Decision(String number, LocalDate signedOn, String issuedBy) {
    public Decision {
        number = Text.clean(number);
        issuedBy = Text.clean(issuedBy);
    }
}

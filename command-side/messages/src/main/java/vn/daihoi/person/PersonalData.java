package vn.daihoi.person;

import vn.daihoi.common.Text;

import java.time.LocalDate;

/** What identifies a person to people (never to the system: that is the id). Sensitive under Decree 13/2023. */
public record PersonalData(String fullName, LocalDate birthDate, String gender, String phone, String email) {
    public PersonalData {
        fullName = Text.clean(fullName);
        gender = Text.clean(gender);
        phone = Text.clean(phone);
        email = Text.clean(email);
    }
}

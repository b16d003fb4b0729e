package vn.daihoi.person;

import java.time.LocalDate;

public final class PersonQueries {
    private PersonQueries() {}

    public record PersonById(String personId) {}

    /** how a person whose data was erased is shown wherever a name is printed. */
    public static String displayName(String fullName) {
        return fullName == null ? "(đã xoá dữ liệu cá nhân)" : fullName;
    }

    /** {@code erased}: the data was erased; the id and everything it did stay. */
    public record PersonView(String personId, String fullName, LocalDate birthDate, String gender, String phone,
                             String email, boolean erased) {}
}

package vn.daihoi.delegate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollSearchTest {

    @Test
    void foldingRemovesTonesAndVowelMarksAndWritesDBarAsD() {
        assertThat(RollSearch.fold("Nguyễn Thị Ánh")).isEqualTo("nguyen thi anh");
        assertThat(RollSearch.fold("  Đặng   Văn  Đức ")).isEqualTo("dang van duc");
        assertThat(RollSearch.fold("Ưng Hoàng Phúc")).isEqualTo("ung hoang phuc");
        // Decomposed input (as some phone keyboards send it) folds the same as composed.
        assertThat(RollSearch.fold("Nguye\u0302\u0303n")).isEqualTo("nguyen");
    }

    @Test
    void aClerkFindsADelegateWithoutDiacriticsInAnyCaseAndOrderOrByCode() {
        assertThat(RollSearch.matches("nguyen thi anh", "Nguyễn Thị Ánh", "V012")).isTrue();
        assertThat(RollSearch.matches("ANH", "Nguyễn Thị Ánh", "V012")).isTrue();
        assertThat(RollSearch.matches("anh nguy", "Nguyễn Thị Ánh", "V012")).isTrue();
        assertThat(RollSearch.matches("v01", "Nguyễn Thị Ánh", "V012")).isTrue();
        assertThat(RollSearch.matches("dang duc", "Đặng Văn Đức", "V003")).isTrue();
    }

    @Test
    void aSearchThatDoesNotFitFindsNobody() {
        assertThat(RollSearch.matches("nguyen thi anh", "Nguyễn Thị Ngọc", "V013")).isFalse();
        assertThat(RollSearch.matches("thi anhh", "Nguyễn Thị Ánh", "V012")).isFalse();
        assertThat(RollSearch.matches("   ", "Nguyễn Thị Ánh", "V012")).isFalse();
        assertThat(RollSearch.matches("012", "Nguyễn Thị Ánh", "V012")).as("a code is matched from its start").isFalse();
    }

    @Test
    void whatWasTypedWholeComesFirst() {
        var roll = java.util.List.of(entry("d1", "A02", "Nguyễn Thị Ngọc Anh"), entry("d2", "A01", "Nguyễn Thị Ánh"),
                entry("d3", "A03", "Trần Văn Bình"));
        assertThat(RollSearch.find(roll, "nguyen thi anh", 20)).extracting(DelegateQueries.RollEntry::delegateId).containsExactly("d2", "d1");
        assertThat(RollSearch.find(roll, "nguyen", 1)).extracting(DelegateQueries.RollEntry::delegateId).containsExactly("d1");
        assertThat(RollSearch.find(roll, "binh", 20)).extracting(DelegateQueries.RollEntry::delegateId).containsExactly("d3");
    }

    private static DelegateQueries.RollEntry entry(String id, String code, String name) {
        return new DelegateQueries.RollEntry(id, "p-" + id, code, name, null, null, null, "SUMMONED", true, false, null, null, null, null,
                false, null, null);
    }
}

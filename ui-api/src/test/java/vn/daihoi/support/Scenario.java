package vn.daihoi.support;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Builds the units and a convened congress that several end-to-end tests start from. */
public final class Scenario {

    public final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    public String province;
    public String upper;
    public String branch;
    public String congress;

    private final Http admin;

    public Scenario(Http admin) {
        this.admin = admin;
    }

    public String unit(String code, String name, String kind, String parent) {
        Http.Answer a = admin.post("/api/units", """
                {"code":"%s-%s","name":"%s","kind":"%s",%s"effectiveOn":"2017-01-01","decision":{"number":"1/QĐ"}}"""
                .formatted(code, run, name, kind, parent == null ? "" : "\"parentUnitId\":\"" + parent + "\","));
        assertThat(a.status()).as(a.raw()).isEqualTo(201);
        return a.body().path("unit").path("unitId").asText();
    }

    /** Sóc Trăng → its public-employee union → the Department of Home Affairs branch union. */
    public Scenario units() {
        province = unit("ST", "Liên đoàn Lao động tỉnh Sóc Trăng", "PROVINCIAL_FEDERATION", null);
        upper = unit("CDVC", "Công đoàn Viên chức tỉnh Sóc Trăng", "UPPER_LEVEL_UNION", province);
        branch = unit("SNV", "Công đoàn cơ sở Sở Nội vụ tỉnh Sóc Trăng", "BRANCH_UNION", upper);
        return this;
    }

    /** The pilot congress, convened by an organiser of the upper-level union that chose it. */
    public Http.Answer convene(Http organiser) {
        Http.Answer a = organiser.post("/api/congresses", """
                {"unitId":"%s","ordinal":10,"term":{"startYear":2023,"endYear":2028},"kind":"DELEGATE","pilot":true,
                 "pilotChosenByUnitId":"%s","date":"2023-05-20","venue":"Hội trường Sở Nội vụ tỉnh Sóc Trăng",
                 "announcedSeats":5,"decision":{"number":"05/QĐ-CĐCS","signedOn":"2023-04-10"}}""".formatted(branch, upper));
        if (a.status() == 201) congress = a.body().path("congress").path("congressId").asText();
        return a;
    }

    /** A roll of {@code count} delegates (all chính thức), invented people, with a header in Vietnamese. */
    public static String csv(int count, String prefix) {
        StringBuilder b = new StringBuilder("\uFEFFMã;Họ và tên;Ngày sinh;Giới tính;Loại;Chức vụ\n");
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Bùi"};
        String[] given = {"Thị Thu Hường", "Văn Đức", "Ngọc Ánh", "Quốc Việt", "Thị Mỹ Duyên", "Hữu Phước", "Minh Trí", "Kim Oanh"};
        for (int i = 1; i <= count; i++) {
            b.append(prefix).append(String.format("%03d", i)).append(';')
                    .append(family[i % family.length]).append(' ').append(given[(i / 8) % given.length]).append(" (hư cấu)").append(';')
                    .append(String.format("%02d/%02d/19%02d", 1 + i % 28, 1 + i % 12, 60 + i % 40)).append(';')
                    .append(i % 2 == 0 ? "Nữ" : "Nam").append(';')
                    .append("Chính thức").append(';')
                    .append("Chuyên viên").append('\n');
        }
        return b.toString();
    }
}

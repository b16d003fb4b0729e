package vn.daihoi.delegate;

import vn.daihoi.common.RuleViolation;
import vn.daihoi.common.Text;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.TextShape;
import vn.daihoi.person.PersonalData;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a delegate roll from CSV as organisers keep it in a spreadsheet: UTF-8 with or without BOM, Windows-1258 or
 * UTF-16 as Excel saves it ({@link RollFileText}), comma, semicolon or tab, headers in Vietnamese with or without
 * diacritics (or in English), text normalised to NFC.
 * Rows it cannot read are reported with their line and reason; the others become import rows.
 */
public final class DelegateCsv {

    private DelegateCsv() {}

    /** A row as read, before ids are given to it. */
    public record Line(int line, String code, String personId, PersonalData person, DelegateCategory category,
                       DelegateBasis basis, String position) {}

    public record Rejected(int line, String reasonVi, String reasonEn) {}

    public record Parsed(List<Line> lines, List<Rejected> rejected) {}

    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        for (String h : new String[]{"ma", "ma_dai_bieu", "ma_db", "code", "stt_ma"}) HEADERS.put(h, "code");
        for (String h : new String[]{"ho_ten", "ho_va_ten", "full_name", "name", "ten"}) HEADERS.put(h, "name");
        for (String h : new String[]{"ngay_sinh", "birth_date", "date_of_birth"}) HEADERS.put(h, "birth");
        for (String h : new String[]{"gioi_tinh", "gender"}) HEADERS.put(h, "gender");
        for (String h : new String[]{"loai", "loai_dai_bieu", "category"}) HEADERS.put(h, "category");
        for (String h : new String[]{"co_cau", "tu_cach", "basis"}) HEADERS.put(h, "basis");
        for (String h : new String[]{"chuc_vu", "chuc_vu_don_vi", "position"}) HEADERS.put(h, "position");
        for (String h : new String[]{"dien_thoai", "so_dien_thoai", "phone"}) HEADERS.put(h, "phone");
        for (String h : new String[]{"email", "thu_dien_tu"}) HEADERS.put(h, "email");
        for (String h : new String[]{"person_id", "ma_nguoi"}) HEADERS.put(h, "person");
    }

    /** "Họ và tên" → "ho_va_ten": headers and category words compare without case, marks or spaces. */
    static String fold(String s) {
        String n = Normalizer.normalize(s == null ? "" : s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** The largest roll a file may hold: the largest congress summons about 1,100 delegates (docs/operations.md). */
    public static final int MAX_ROWS = 5_000;
    /** A physical line longer than this is no roll line: refused before anything else is read. */
    public static final int MAX_LINE_CHARS = 2_000;

    /** A roll whose charset the request does not state: told from the bytes ({@link RollFileText}). */
    public static Parsed parse(byte[] bytes) {
        return parse(bytes, null);
    }

    /**
     * reads a roll in {@code charset}, or in the charset its bytes show when that is null ({@link RollFileText}).
     * Bytes that are not text, a line longer than {@link #MAX_LINE_CHARS} or more than {@link #MAX_ROWS} rows refuse
     * the whole file with its line, before any row is imported (issue 9, finding 8). The fields are RFC 4180, read
     * by Commons CSV (ADR 0026); the separator is the one the header line uses most: tab, semicolon or comma.
     */
    public static Parsed parse(byte[] bytes, Charset charset) {
        String text = RollFileText.decode(bytes, charset).text();
        checkLineLengths(text);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        split(text, delimiter(text), records, lineNumbers, rejected);
        if (records.isEmpty() || records.get(0).isEmpty() && records.size() == 1) {
            return new Parsed(List.of(), List.of(new Rejected(1, "Tệp trống.", "The file is empty.")));
        }
        List<String> header = records.get(0).stream().map(DelegateCsv::fold).map(h -> HEADERS.getOrDefault(h, h)).toList();
        if (!header.contains("code") || !(header.contains("name") || header.contains("person"))) {
            return new Parsed(List.of(), List.of(new Rejected(lineNumbers.get(0),
                    "Dòng tiêu đề cần cột \"ma\" và \"ho_ten\" (hoặc \"person_id\").",
                    "The header needs columns \"ma\" (code) and \"ho_ten\" (full name) or \"person_id\".")));
        }
        List<Line> lines = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            int line = lineNumbers.get(r);
            if (cells.isEmpty() || cells.size() == 1 && cells.get(0).isBlank()) continue;
            if (cells.size() != header.size()) {
                rejected.add(new Rejected(line, "Số cột (" + cells.size() + ") khác dòng tiêu đề (" + header.size() + ").",
                        "Column count (" + cells.size() + ") differs from the header (" + header.size() + ")."));
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) row.put(header.get(i), Text.clean(cells.get(i)));
            String error = check(row, codes);
            if (error != null) {
                String[] parts = error.split("\\|");
                rejected.add(new Rejected(line, parts[0], parts[1]));
                continue;
            }
            codes.add(row.get("code").toUpperCase(Locale.ROOT));
            String personId = blankToNull(row.get("person"));
            PersonalData person = personId != null ? null : new PersonalData(row.get("name"), date(row.get("birth")),
                    row.get("gender"), row.get("phone"), row.get("email"));
            lines.add(new Line(line, row.get("code"), personId, person, category(row.get("category")),
                    basis(row.get("basis")), blankToNull(row.get("position"))));
        }
        rejected.sort(java.util.Comparator.comparingInt(Rejected::line));
        return new Parsed(lines, rejected);
    }

    /** Null when the row is fine, else "vi|en". */
    private static String check(Map<String, String> row, Set<String> codes) {
        String code = row.get("code");
        if (Text.isBlank(code)) return "Thiếu mã đại biểu.|The roll code is missing.";
        if (code.length() > 40) return "Mã đại biểu dài quá 40 ký tự.|The roll code is longer than 40 characters.";
        if (codes.contains(code.toUpperCase(Locale.ROOT))) return "Mã đại biểu \"" + code + "\" lặp lại trong tệp.|Roll code \"" + code + "\" appears twice in the file.";
        if (Text.isBlank(row.get("person")) && Text.isBlank(row.get("name"))) return "Thiếu họ và tên.|The full name is missing.";
        if (row.get("name") != null && row.get("name").length() > 200) return "Họ và tên dài quá 200 ký tự.|The full name is longer than 200 characters.";
        for (String[] limit : FIELD_LIMITS) {
            String value = row.get(limit[0]);
            int max = Integer.parseInt(limit[1]);
            if (value != null && value.length() > max) {
                return "Cột \"" + limit[2] + "\" dài quá " + max + " ký tự.|Column \"" + limit[0] + "\" is longer than " + max + " characters.";
            }
        }
        for (Map.Entry<String, String> cell : row.entrySet()) {
            if (cell.getValue() != null && TextShape.firstBadChar(cell.getValue(), false) >= 0) {
                return "Cột \"" + cell.getKey() + "\" chứa ký tự điều khiển.|Column \"" + cell.getKey() + "\" holds a control character.";
            }
        }
        if (category(row.get("category")) == null) {
            return "Loại đại biểu \"" + row.get("category") + "\" không hợp lệ (chính thức, dự khuyết, khách mời).|"
                    + "Category \"" + row.get("category") + "\" is not one of delegate, alternate, guest.";
        }
        if (!Text.isBlank(row.get("basis")) && basis(row.get("basis")) == null) {
            return "Cơ cấu \"" + row.get("basis") + "\" không hợp lệ (đương nhiên, bầu, chỉ định).|"
                    + "Basis \"" + row.get("basis") + "\" is not one of ex officio, elected, appointed.";
        }
        if (!Text.isBlank(row.get("birth")) && date(row.get("birth")) == null) {
            return "Ngày sinh \"" + row.get("birth") + "\" không đúng dạng dd/mm/yyyy.|Birth date \"" + row.get("birth") + "\" is not dd/mm/yyyy.";
        }
        return null;
    }

    static DelegateCategory category(String raw) {
        if (Text.isBlank(raw)) return DelegateCategory.DELEGATE;
        return switch (fold(raw)) {
            case "chinh_thuc", "dai_bieu_chinh_thuc", "delegate" -> DelegateCategory.DELEGATE;
            case "du_khuyet", "dai_bieu_du_khuyet", "alternate" -> DelegateCategory.ALTERNATE;
            case "khach_moi", "khach", "guest" -> DelegateCategory.GUEST;
            default -> null;
        };
    }

    static DelegateBasis basis(String raw) {
        if (Text.isBlank(raw)) return null;
        return switch (fold(raw)) {
            case "duong_nhien", "ex_officio" -> DelegateBasis.EX_OFFICIO;
            case "bau", "duoc_bau", "elected" -> DelegateBasis.ELECTED;
            case "chi_dinh", "appointed" -> DelegateBasis.APPOINTED;
            case "doan_vien", "member" -> DelegateBasis.MEMBER;
            default -> null;
        };
    }

    private static LocalDate date(String raw) {
        if (Text.isBlank(raw)) return null;
        for (String pattern : new String[]{"d/M/uuuu", "uuuu-MM-dd", "d-M-uuuu", "d.M.uuuu"}) {
            try {
                return LocalDate.parse(raw, DateTimeFormatter.ofPattern(pattern));
            } catch (DateTimeParseException ignored) {
                // next pattern
            }
        }
        return null;
    }

    /** The roll's columns and the read model's limits (delegate_view, person_view; ADR 0014). */
    private static final String[][] FIELD_LIMITS = {
            {"position", String.valueOf(Limits.NAME), "chức vụ"},
            {"phone", String.valueOf(Limits.PHONE), "điện thoại"},
            {"email", String.valueOf(Limits.EMAIL), "email"},
            {"gender", String.valueOf(Limits.WORD), "giới tính"},
            {"person", String.valueOf(Limits.ID), "person_id"},
    };

    /** The charset a Content-Type states, null when it states none (then the bytes tell); an unknown one refuses the file. */
    public static Charset charsetOf(String contentType) {
        if (contentType == null) return null;
        try {
            return org.springframework.http.MediaType.parseMediaType(contentType).getCharset();
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("csv-charset", "R-11", "line 1");
        }
    }

    /** Refuses the file at the first physical line longer than {@link #MAX_LINE_CHARS}, before the parser sees it. */
    static void checkLineLengths(String text) {
        int line = 1;
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') i++;
                line++;
                start = i + 1;
            } else if (i - start >= MAX_LINE_CHARS) {
                throw RuleViolation.invalid("csv-line-too-long", "R-11", "line " + line, line, MAX_LINE_CHARS);
            }
        }
    }

    /** The separator the header line uses most: a tab (Excel's "Unicode Text"), a semicolon, else a comma. */
    static char delimiter(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') end++;
        String header = text.substring(0, end);
        int tabs = count(header, '\t');
        int semicolons = count(header, ';');
        int commas = count(header, ',');
        if (tabs > semicolons && tabs > commas) return '\t';
        return semicolons > commas ? ';' : ',';
    }

    private static String blankToNull(String s) {
        return Text.isBlank(s) ? null : s;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    /**
     * RFC 4180 records through Commons CSV: quotes may hold separators, doubled quotes and line breaks; a quote inside
     * an unquoted field is kept as a character; text after a closing quote joins the field. Each record keeps the
     * line it starts on. A quoted field still open at the end of the file is reported on the line it opened; the
     * records before it stand.
     */
    private static void split(String text, char delimiter, List<List<String>> records, List<Integer> lineNumbers,
                              List<Rejected> rejected) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrailingData(true).get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Iterator<CSVRecord> it = parser.iterator();
            long consumed = 0;
            while (true) {
                int start = (int) consumed + 1;
                CSVRecord record;
                try {
                    if (!it.hasNext()) break;
                    record = it.next();
                } catch (UncheckedIOException e) {
                    // The only error this format leaves: the end of the file inside a quoted field.
                    rejected.add(new Rejected(start, "Dấu ngoặc kép không được đóng.", "A quoted field is not closed."));
                    break;
                }
                consumed = parser.getCurrentLineNumber();
                if (records.size() > MAX_ROWS) throw RuleViolation.invalid("csv-too-many-rows", "R-11", "line " + start, MAX_ROWS, start);
                records.add(record.toList());
                lineNumbers.add(start);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

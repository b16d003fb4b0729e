package vn.daihoi.infra.pdf;


import java.util.List;
import java.util.Objects;

/**
 * One cut-out slip, such as a delegate's credential: a title, a few lines about its holder, and the code the
 * holder types or reads out. The code is printed large because it is what gets checked at the door.
 *
 * @param title shown in bold at the top, e.g. the congress's name
 * @param lines shown one under another, e.g. "Nguyễn Thị Thu Hường — Đại biểu chính thức"
 * @param code  shown large in a fixed-width face so 0/O and 1/I are easier to tell apart
 * @param qr    when not null, printed as a QR code under the code (a voting slip: the voting page's address with the
 *              code in its fragment)
 * @param issuer when not null, the issuing union body, printed in capitals above the title (ADR 0022)
 */
public record Slip(String title, List<String> lines, String code, String qr, String issuer) {

    public Slip {
        Objects.requireNonNull(title, "title");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        Objects.requireNonNull(code, "code");
    }

    public Slip(String title, List<String> lines, String code) {
        this(title, lines, code, null, null);
    }

    public Slip(String title, List<String> lines, String code, String qr) {
        this(title, lines, code, qr, null);
    }
}

package vn.daihoi.election;

import org.springframework.stereotype.Component;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.infra.pdf.PdfDocumentBuilder;

/**
 * ADR 0017: the sheet a counting-committee member takes home for one round — his key share as a QR code and as
 * letters to type, which round and which key it belongs to, and what to do with it. Printed once: the server keeps
 * no copy of the share.
 */
@Component
public class KeyShareSheet {

    private final CountingMinutes minutes;

    public KeyShareSheet(CountingMinutes minutes) {
        this.minutes = minutes;
    }

    public byte[] pdf(ElectionView e, int round, KeyShareSlip slip, String holderName) {
        CountingMinutes.Setting s = minutes.setting(e);
        PdfDocumentBuilder pdf = new PdfDocumentBuilder("Mảnh khoá hòm phiếu — " + e.title() + " — vòng " + round);
        pdf.heading("MẢNH KHOÁ HÒM PHIẾU ĐIỆN TỬ");
        pdf.paragraph(e.title() + " — vòng " + round + ". " + s.congressTitle() + " " + s.unitName() + ", nhiệm kỳ " + s.term() + ".");
        pdf.keyValue("Thành viên Ban kiểm phiếu giữ mảnh", holderName);
        pdf.keyValue("Mảnh số", slip.index() + " / " + slip.holders());
        pdf.keyValue("Số mảnh cần để mở hòm phiếu", Integer.toString(slip.sharesNeeded()));
        pdf.keyValue("Dấu khoá hòm phiếu (key fingerprint)", slip.keyFingerprint());
        pdf.qrCode(slip.shareCode(), 70f);
        // Four groups to a line: a line is copied without losing one's place.
        String[] groups = slip.shareCode().split("-");
        StringBuilder lines = new StringBuilder(groups[0]);
        for (int i = 1; i < groups.length; i++) lines.append(i % 4 == 1 ? "\n" : "-").append(groups[i]);
        pdf.code(lines.toString().replace("\n", "-\n"));
        pdf.paragraph("Giữ kín mảnh khoá này: không chụp ảnh, không gửi qua mạng, không đưa cho ai. Hệ thống không lưu bản sao nào; "
                + "khi kiểm phiếu, " + slip.sharesNeeded() + " thành viên Ban kiểm phiếu cùng xuất trình mảnh của mình (quét mã QR hoặc gõ mã) "
                + "thì hòm phiếu mới mở được. Mất mảnh khoá: báo ngay Trưởng Ban kiểm phiếu. Nếu không đủ mảnh, vòng bỏ phiếu bị huỷ "
                + "theo quyết định của đại hội và bỏ phiếu lại.");
        pdf.paragraph("Keep this key share secret: do not photograph it, send it, or hand it to anyone. The system keeps no copy; "
                + "at the count, " + slip.sharesNeeded() + " members of the counting committee present their shares (scan the QR code "
                + "or type the code) and only then does the ballot box open. If you lose it, tell the head of the counting committee "
                + "at once. Without enough shares the round is void by the congress's decision and the vote is held again.");
        pdf.keyValue("Người nhận ký tên", "");
        return pdf.toBytes();
    }
}

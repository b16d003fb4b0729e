package vn.daihoi.delegate;

import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** R-11, ADR 0026: the charsets Excel in Vietnam saves a roll in are told apart, and a file in none is refused. */
class RollFileTextTest {

    private static final String ROLL = "Mã,Họ và tên,Loại,Chức vụ\r\n"
            + "W01,Nguyễn Thị Hường,Chính thức,Chủ tịch công đoàn cơ sở\r\n"
            + "W02,Trần Đức Lộc,Dự khuyết,Phó chủ tịch – kế toán\r\n";

    static byte[] fixture() throws IOException {
        try (InputStream in = RollFileTextTest.class.getResourceAsStream("/csv/roll-windows-1258.csv")) {
            return in.readAllBytes();
        }
    }

    @Test
    void windows1258WithCombiningToneMarksIsReadAsComposedVietnamese() {
        byte[] bytes = ExcelBytes.windows1258(ROLL);
        // "Nguyễn": ê (0xEA) then the combining tilde (0xDE), as the code page writes it; never valid UTF-8.
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("Nguy\u00EA\u00DEn");
        RollFileText.Decoded d = RollFileText.decode(bytes, null);
        assertThat(d.charset()).isEqualTo(RollFileText.WINDOWS_1258);
        assertThat(d.text()).isEqualTo(Normalizer.normalize(ROLL, Normalizer.Form.NFC));
        assertThat(d.text()).contains("Nguyễn Thị Hường", "Trần Đức Lộc").doesNotContain("\u0303", "\u0300", "\u0323");
    }

    @Test
    void theFixtureMadeByIconvIsReadWithExactNames() throws IOException {
        RollFileText.Decoded d = RollFileText.decode(fixture(), null);
        assertThat(d.charset()).isEqualTo(RollFileText.WINDOWS_1258);
        assertThat(d.text()).startsWith("Mã,Họ và tên,Ngày sinh,Giới tính,Loại,Chức vụ\r\n")
                .contains("W01,Nguyễn Thị Hường,", "W02,Trần Đức Lộc,", "W03,Đặng Thị Mỹ Duyên,", "Trưởng phòng Tổ chức – Cán bộ");
        assertThat(Normalizer.isNormalized(d.text(), Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void utf16WithItsByteOrderMarkIsReadInItsOrder() {
        String tabbed = ROLL.replace(',', '\t');
        RollFileText.Decoded le = RollFileText.decode(ExcelBytes.utf16leWithBom(tabbed), null);
        assertThat(le.charset()).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(le.text()).isEqualTo(tabbed);
        byte[] be = ExcelBytes.withPrefix(new byte[]{(byte) 0xFE, (byte) 0xFF}, tabbed.getBytes(StandardCharsets.UTF_16BE));
        assertThat(RollFileText.decode(be, null).text()).isEqualTo(tabbed);
    }

    @Test
    void utf8WithOrWithoutByteOrderMarkIsUtf8AndDecomposedTextIsComposed() {
        RollFileText.Decoded bom = RollFileText.decode(ExcelBytes.utf8WithBom(ROLL), null);
        assertThat(bom.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(bom.text()).isEqualTo(ROLL);
        String nfd = Normalizer.normalize(ROLL, Normalizer.Form.NFD);
        assertThat(RollFileText.decode(nfd.getBytes(StandardCharsets.UTF_8), null).text()).isEqualTo(ROLL);
    }

    @Test
    void aByteOrderMarkOutweighsTheStatedCharsetAndAStatedCharsetOutweighsGuessing() {
        assertThat(RollFileText.decode(ExcelBytes.utf16leWithBom(ROLL), StandardCharsets.UTF_8).text()).isEqualTo(ROLL);
        // Latin-1 stated: the Windows-1258 bytes are read as stated (Latin-1 maps every byte), not guessed.
        RollFileText.Decoded stated = RollFileText.decode(ExcelBytes.windows1258(ROLL), StandardCharsets.ISO_8859_1);
        assertThat(stated.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(stated.text()).doesNotContain("Nguyễn");
    }

    @Test
    void aUtf8FileWithOneDamagedByteIsRefusedAtThatLineNotReadAsWindows1258() {
        byte[] bytes = ExcelBytes.withPrefix("ma;ho_ten\nU1;Nguyễn Văn Một\nU2;L".getBytes(StandardCharsets.UTF_8),
                new byte[]{(byte) 0xEA, ' ', 'V', '\n'});
        RuleViolation v = catchThrowableOfType(RuleViolation.class, () -> RollFileText.decode(bytes, null));
        assertThat(v.type()).isEqualTo("csv-encoding");
        assertThat(v.ruleId()).isEqualTo("R-11");
        assertThat(v.field()).isEqualTo("line 3");
    }

    /** Bytes Windows-1258 leaves undefined are left out, so that it is the reading as Vietnamese that refuses. */
    @Test
    void randomHighBytesAreNeitherUtf8NorVietnameseAndAreRefusedAsUnknown() {
        Random random = new Random(13);
        String undefined = "\u0081\u008A\u008D\u008E\u008F\u0090\u009A\u009D\u009E";
        for (int run = 0; run < 50; run++) {
            byte[] noise = new byte[40 + random.nextInt(200)];
            for (int i = 0; i < noise.length; i++) {
                int b;
                do b = 0x80 + random.nextInt(0x80); while (undefined.indexOf(b) >= 0);
                noise[i] = (byte) b;
            }
            byte[] bytes = ExcelBytes.withPrefix("ma,ho_ten\r\nR1,".getBytes(StandardCharsets.US_ASCII), noise);
            assertThat(unknown(bytes)).as("run %d", run).isTrue();
        }
    }

    @Test
    void shiftJisLatinOneAndUtf16WithoutItsMarkAreRefusedAsUnknown() {
        assertThat(unknown("ma,ho_ten\r\nJ1,山田太郎\r\nJ2,佐藤花子\r\n".getBytes(Charset.forName("Shift_JIS")))).isTrue();
        assertThat(unknown("ma,ho_ten\r\nG1,Jürgen Müller\r\nG2,Straße\r\n".getBytes(StandardCharsets.ISO_8859_1))).isTrue();
        assertThat(unknown(ROLL.getBytes(StandardCharsets.UTF_16LE))).isTrue();
        assertThat(unknown("ma,ho_ten\r\nC1,Tran†Van‰\r\n".getBytes(Charset.forName("windows-1252")))).isTrue();
    }

    @Test
    void aStrayNulIsLeftToTheRowCheckButAFileOfNulsIsRefused() {
        byte[] oneNul = "ma,ho_ten\r\nN1,Trần\u0000Văn\r\n".getBytes(StandardCharsets.UTF_8);
        assertThat(RollFileText.decode(oneNul, null).text()).contains("Trần\u0000Văn");
        assertThat(unknown(new byte[64])).isTrue();
    }

    private static boolean unknown(byte[] bytes) {
        RuleViolation v = catchThrowableOfType(RuleViolation.class, () -> RollFileText.decode(bytes, null));
        return v != null && "csv-encoding-unknown".equals(v.type()) && "R-11".equals(v.ruleId());
    }
}

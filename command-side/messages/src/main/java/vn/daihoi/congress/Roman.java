package vn.daihoi.congress;

/** Congress ordinals are shown in Roman numerals: Đại hội lần thứ X. */
public final class Roman {
    private static final int[] VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] SYMBOLS = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};

    private Roman() {}

    public static String of(int n) {
        if (n <= 0 || n >= 4000) throw new IllegalArgumentException("no Roman numeral for " + n);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < VALUES.length; i++) {
            while (n >= VALUES[i]) {
                n -= VALUES[i];
                b.append(SYMBOLS[i]);
            }
        }
        return b.toString();
    }
}

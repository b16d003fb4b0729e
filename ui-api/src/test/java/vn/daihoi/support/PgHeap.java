package vn.daihoi.support;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * PostgreSQL 15 heap pages read as a forensic tool reads them (the attacker of issue 10): the page header, the
 * line pointers, every tuple a line pointer still points at (live or dead), and tuples carved out of bytes no line
 * pointer points at any more (a pruned or vacuumed tuple whose pointer is LP_UNUSED/LP_DEAD keeps its bytes until
 * the space is reused). Tuples are deformed into columns with the relation's attributes.
 */
public final class PgHeap {

    public static final int BLCKSZ = 8192;
    static final int TUPLE_HEADER = 23;

    private PgHeap() {}

    /** One attribute of a relation's row type, as pg_attribute describes it (dropped columns included). */
    public record Attribute(String name, String type, int len, char align, boolean dropped) {}

    /** A line pointer: offset, flags (0 unused, 1 normal, 2 redirect, 3 dead), length. */
    public record LinePointer(int offnum, int off, int flags, int len) {}

    /**
     * A heap tuple found in a page: where ({@code block}, {@code offnum}, 0 when carved), how it was found
     * ({@code carved} = no line pointer points at it), its header fields and its columns (null where not deformable).
     */
    public record Tuple(String relation, int block, int offnum, int pageOffset, boolean carved, int pointerFlags, long xmin, long xmax,
                        int infomask, int infomask2, byte[] bytes, List<Object> columns) {
        public String ctid() {
            return "(" + block + "," + offnum + ")";
        }

        /** A column by position as its PostgreSQL text, bytea as \x hex, null when null or not deformed. */
        public Object column(List<Attribute> atts, String name) {
            if (columns == null) return null;
            for (int i = 0; i < atts.size() && i < columns.size(); i++) if (atts.get(i).name().equals(name)) return columns.get(i);
            return null;
        }
    }

    public record Page(int block, long lsn, int lower, int upper, int special, long pruneXid, List<LinePointer> pointers, byte[] raw) {}

    public static Page page(byte[] file, int block) {
        ByteBuffer b = ByteBuffer.wrap(file, block * BLCKSZ, BLCKSZ).slice().order(ByteOrder.LITTLE_ENDIAN);
        long lsn = ((long) b.getInt(0) << 32) | (b.getInt(4) & 0xffffffffL);
        int lower = b.getShort(12) & 0xffff, upper = b.getShort(14) & 0xffff, special = b.getShort(16) & 0xffff;
        long prune = b.getInt(20) & 0xffffffffL;
        List<LinePointer> lps = new ArrayList<>();
        if (lower >= 24 && lower <= BLCKSZ) {
            for (int p = 24, n = 1; p + 4 <= lower; p += 4, n++) {
                int w = b.getInt(p);
                lps.add(new LinePointer(n, w & 0x7fff, (w >>> 15) & 3, (w >>> 17) & 0x7fff));
            }
        }
        byte[] raw = new byte[BLCKSZ];
        System.arraycopy(file, block * BLCKSZ, raw, 0, BLCKSZ);
        return new Page(block, lsn, lower, upper, special, prune, lps, raw);
    }

    /**
     * Every tuple of a heap page: those line pointers point at, then those carved from 8-byte aligned offsets no
     * pointer covers whose header is plausible for {@code atts} and whose columns deform within the page.
     */
    public static List<Tuple> tuples(String relation, Page page, List<Attribute> atts) {
        List<Tuple> out = new ArrayList<>();
        boolean[] covered = new boolean[BLCKSZ];
        for (LinePointer lp : page.pointers()) {
            if (lp.len() >= TUPLE_HEADER && lp.off() >= 24 && lp.off() + lp.len() <= BLCKSZ && (lp.flags() == 1 || lp.flags() == 3)) {
                byte[] t = new byte[lp.len()];
                System.arraycopy(page.raw(), lp.off(), t, 0, lp.len());
                out.add(tuple(relation, page.block(), lp.offnum(), lp.off(), false, lp.flags(), t, atts));
                for (int i = lp.off(); i < lp.off() + lp.len(); i++) covered[i] = true;
            }
        }
        if (atts == null) return out;
        int start = Math.max(page.lower(), 24);
        int end = page.special() > 0 && page.special() <= BLCKSZ ? page.special() : BLCKSZ;
        for (int off = (start + 7) & ~7; off + TUPLE_HEADER < end; off += 8) {
            if (covered[off]) continue;
            Tuple t = carve(relation, page, off, end, atts);
            if (t != null) out.add(t);
        }
        return out;
    }

    private static Tuple carve(String relation, Page page, int off, int end, List<Attribute> atts) {
        ByteBuffer b = ByteBuffer.wrap(page.raw()).order(ByteOrder.LITTLE_ENDIAN);
        long xmin = b.getInt(off) & 0xffffffffL;
        int infomask2 = b.getShort(off + 18) & 0xffff;
        int infomask = b.getShort(off + 20) & 0xffff;
        int hoff = page.raw()[off + 22] & 0xff;
        int natts = infomask2 & 0x7ff;
        if (xmin < 3 || natts == 0 || natts > atts.size() || hoff < 24 || hoff % 8 != 0) return null;
        boolean hasNull = (infomask & 1) != 0;
        int expectedHoff = ((TUPLE_HEADER + (hasNull ? (natts + 7) / 8 : 0)) + 7) & ~7;
        if (hoff != expectedHoff) return null;
        byte[] rest = new byte[end - off];
        System.arraycopy(page.raw(), off, rest, 0, rest.length);
        int[] len = new int[1];
        List<Object> cols = deform(rest, atts, len);
        if (cols == null || len[0] > rest.length) return null;
        byte[] t = new byte[len[0]];
        System.arraycopy(rest, 0, t, 0, len[0]);
        return new Tuple(relation, page.block(), 0, off, true, -1, xmin, b.getInt(off + 4) & 0xffffffffL, infomask, infomask2, t, cols);
    }

    static Tuple tuple(String relation, int block, int offnum, int pageOffset, boolean carved, int flags, byte[] t, List<Attribute> atts) {
        ByteBuffer b = ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN);
        return new Tuple(relation, block, offnum, pageOffset, carved, flags, b.getInt(0) & 0xffffffffL, b.getInt(4) & 0xffffffffL,
                b.getShort(20) & 0xffff, b.getShort(18) & 0xffff, t, atts == null ? null : deform(t, atts, new int[1]));
    }

    /**
     * The columns of a whole tuple (23-byte header included), or null when it does not deform: text types as
     * String, int2/int4/int8/bool as numbers, everything else (bytea, arrays, …) as the datum's bytes; an inline
     * compressed or external (TOAST) varlena as its raw bytes. {@code end[0]} receives the tuple's length.
     */
    public static List<Object> deform(byte[] t, List<Attribute> atts, int[] end) {
        if (t.length < TUPLE_HEADER) return null;
        ByteBuffer b = ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN);
        int infomask2 = b.getShort(18) & 0xffff, infomask = b.getShort(20) & 0xffff, hoff = t[22] & 0xff;
        int natts = Math.min(infomask2 & 0x7ff, atts.size());
        boolean hasNull = (infomask & 1) != 0;
        if (hoff > t.length) return null;
        List<Object> cols = new ArrayList<>();
        int off = hoff;
        for (int i = 0; i < atts.size(); i++) {
            Attribute a = atts.get(i);
            if (i >= natts || (hasNull && (t[TUPLE_HEADER + i / 8] & (1 << (i % 8))) == 0)) {
                cols.add(null);
                continue;
            }
            if (a.len() == -1) {
                if (off >= t.length) return null;
                if (t[off] == 0) off = align(off, a.align());
                if (off >= t.length) return null;
                int h = t[off] & 0xff;
                int total, header;
                boolean raw = false;
                if (h == 0x01) { // external TOAST pointer: 1-byte header, tag, then the pointer
                    if (off + 2 > t.length) return null;
                    int tag = t[off + 1] & 0xff;
                    total = 2 + (tag == 18 ? 16 : tag == 1 || tag == 2 ? 8 : 16);
                    header = 2;
                    raw = true;
                } else if ((h & 1) == 1) {
                    total = (h >>> 1) & 0x7f;
                    header = 1;
                } else {
                    if (off + 4 > t.length) return null;
                    total = (b.getInt(off) >>> 2) & 0x3fffffff;
                    header = 4;
                    raw = (h & 3) == 2; // compressed inline
                }
                if (total < header || off + total > t.length) return null;
                byte[] d = new byte[total - header];
                System.arraycopy(t, off + header, d, 0, d.length);
                cols.add(raw ? d : value(a.type(), d));
                off += total;
            } else if (a.len() == -2) {
                int z = off;
                while (z < t.length && t[z] != 0) z++;
                if (z >= t.length) return null;
                cols.add(new String(t, off, z - off, StandardCharsets.UTF_8));
                off = z + 1;
            } else {
                off = align(off, a.align());
                if (off + a.len() > t.length) return null;
                byte[] d = new byte[a.len()];
                System.arraycopy(t, off, d, 0, a.len());
                cols.add(value(a.type(), d));
                off += a.len();
            }
        }
        end[0] = off;
        return cols;
    }

    private static Object value(String type, byte[] d) {
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        return switch (type) {
            case "text", "varchar", "bpchar", "name", "json" -> new String(d, StandardCharsets.UTF_8);
            case "bool" -> d.length == 1 ? d[0] != 0 : d;
            case "int2" -> d.length == 2 ? (Object) b.getShort() : d;
            case "int4" -> d.length == 4 ? (Object) b.getInt() : d;
            case "int8" -> d.length == 8 ? (Object) b.getLong() : d;
            default -> d;
        };
    }

    private static int align(int off, char a) {
        int n = switch (a) {
            case 's' -> 2;
            case 'i' -> 4;
            case 'd' -> 8;
            default -> 1;
        };
        return (off + n - 1) & -n;
    }

    public static String show(Object v) {
        return v instanceof byte[] d ? "\\x" + HexFormat.of().formatHex(d) : String.valueOf(v);
    }
}

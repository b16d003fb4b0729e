package vn.daihoi.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL 15 write-ahead log read from its segment files (the attacker of issue 10): pages are checked for
 * their magic and address and stripped of their headers, records are cut out of the remaining stream and split
 * into header ({@code xl_xid} groups a record with its transaction), block references (relation, block, full-page
 * image, block data) and main data.
 */
public final class PgWal {

    private PgWal() {}

    public static final int RM_HEAP2 = 9, RM_HEAP = 10;

    /** A block reference of a record: the relation file (database, relfilenode), the block, its image and data. */
    public record Block(int id, int forkFlags, long db, long relNode, long blockNo, byte[] image, byte[] data) {}

    public record Record(String segment, long xid, int rmid, int info, List<Block> blocks, byte[] mainData, byte[] raw) {
        public Block block(int id) {
            return blocks.stream().filter(b -> b.id() == id).findFirst().orElse(null);
        }
    }

    /** The records of the given segment files (name → bytes, in name order = log order on one timeline). */
    public static List<Record> records(Map<String, byte[]> segments) {
        List<Record> out = new ArrayList<>();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<Integer> segmentStarts = new ArrayList<>();
        List<String> segmentNames = new ArrayList<>();
        long expected = -1;
        long toSkip = 0;
        for (Map.Entry<String, byte[]> s : segments.entrySet()) {
            byte[] f = s.getValue();
            ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
            if (f.length < PgHeap.BLCKSZ) continue;
            int magic = b.getShort(0) & 0xffff;
            long first = b.getLong(8);
            if (expected != -1 && first != expected) {
                parse(stream.toByteArray(), segmentStarts, segmentNames, out);
                stream.reset();
                segmentStarts.clear();
                segmentNames.clear();
            }
            segmentStarts.add(stream.size());
            segmentNames.add(s.getKey());
            for (int p = 0; p + PgHeap.BLCKSZ <= f.length; p += PgHeap.BLCKSZ) {
                int info = b.getShort(p + 2) & 0xffff;
                long addr = b.getLong(p + 8);
                if ((b.getShort(p) & 0xffff) != magic || addr != first + p) {
                    expected = -2; // the rest of this file is older (recycled) or never written
                    break;
                }
                int header = (info & 0x0002) != 0 ? 40 : 24;
                if (stream.size() == 0 && (info & 0x0001) != 0) toSkip = b.getInt(p + 16) & 0xffffffffL;
                if (toSkip > 0) { // a stream that starts inside a record: skip its continuation
                    int n = (int) Math.min(toSkip, PgHeap.BLCKSZ - header);
                    header += n;
                    toSkip -= n;
                    if (toSkip == 0) header = Math.min((header + 7) & ~7, PgHeap.BLCKSZ);
                }
                stream.write(f, p + header, PgHeap.BLCKSZ - header);
                expected = first + p + PgHeap.BLCKSZ;
            }
            if (expected == -2) {
                parse(stream.toByteArray(), segmentStarts, segmentNames, out);
                stream.reset();
                segmentStarts.clear();
                segmentNames.clear();
                expected = -1;
            }
        }
        parse(stream.toByteArray(), segmentStarts, segmentNames, out);
        return out;
    }

    private static void parse(byte[] s, List<Integer> starts, List<String> names, List<Record> out) {
        ByteBuffer b = ByteBuffer.wrap(s).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 0;
        while (pos + 24 <= s.length) {
            int tot = b.getInt(pos);
            if (tot < 24 || pos + tot > s.length) {
                // End of the written log, or the zero-filled rest of a switched segment: go on at the next segment.
                int next = -1;
                for (int st : starts) if (st > pos) { next = st; break; }
                if (next < 0) return;
                pos = next;
                continue;
            }
            String segment = names.get(0);
            for (int i = 0; i < starts.size(); i++) if (starts.get(i) <= pos) segment = names.get(i);
            Record r = crcHolds(s, pos, tot) ? record(segment, s, pos, tot) : null;
            if (r == null) {
                int next = -1;
                for (int st : starts) if (st > pos) { next = st; break; }
                if (next < 0) return;
                pos = next;
                continue;
            }
            out.add(r);
            pos = (pos + tot + 7) & ~7;
        }
    }

    /** xl_crc: CRC-32C over the record after its header, then over the header up to the CRC. */
    private static boolean crcHolds(byte[] s, int at, int tot) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(s, at + 24, tot - 24);
        crc.update(s, at, 20);
        return (int) crc.getValue() == ByteBuffer.wrap(s, at + 20, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static Record record(String segment, byte[] s, int at, int tot) {
        ByteBuffer b = ByteBuffer.wrap(s, at, tot).slice().order(ByteOrder.LITTLE_ENDIAN);
        long xid = b.getInt(4) & 0xffffffffL;
        int info = b.get(16) & 0xff, rmid = b.get(17) & 0xff;
        int p = 24;
        long dataTotal = 0;
        int mainLen = 0;
        record Head(int id, int fork, int dataLen, int imgLen, int holeOff, int holeLen, int bimgInfo, long db, long rel, long blk) {}
        List<Head> heads = new ArrayList<>();
        long db = 0, rel = 0;
        try {
            while (tot - p > dataTotal) {
                int id = b.get(p++) & 0xff;
                if (id == 255) {
                    mainLen = b.get(p++) & 0xff;
                    dataTotal += mainLen;
                    break;
                } else if (id == 254) {
                    mainLen = b.getInt(p);
                    p += 4;
                    dataTotal += mainLen;
                    break;
                } else if (id == 253) {
                    p += 2;
                } else if (id == 252) {
                    p += 4;
                } else if (id <= 32) {
                    int fork = b.get(p++) & 0xff;
                    int dataLen = b.getShort(p) & 0xffff;
                    p += 2;
                    dataTotal += dataLen;
                    int imgLen = 0, holeOff = 0, holeLen = 0, bimgInfo = 0;
                    if ((fork & 0x10) != 0) {
                        imgLen = b.getShort(p) & 0xffff;
                        holeOff = b.getShort(p + 2) & 0xffff;
                        bimgInfo = b.get(p + 4) & 0xff;
                        p += 5;
                        boolean hole = (bimgInfo & 0x01) != 0, compressed = (bimgInfo & 0x1c) != 0;
                        if (hole && compressed) {
                            holeLen = b.getShort(p) & 0xffff;
                            p += 2;
                        } else if (hole) {
                            holeLen = PgHeap.BLCKSZ - imgLen;
                        }
                        dataTotal += imgLen;
                    }
                    if ((fork & 0x80) == 0) {
                        db = b.getInt(p + 4) & 0xffffffffL;
                        rel = b.getInt(p + 8) & 0xffffffffL;
                        p += 12;
                    }
                    long blk = b.getInt(p) & 0xffffffffL;
                    p += 4;
                    heads.add(new Head(id, fork, dataLen, imgLen, holeOff, holeLen, bimgInfo, db, rel, blk));
                } else {
                    return null;
                }
            }
            List<Block> blocks = new ArrayList<>();
            for (Head h : heads) {
                byte[] image = null, data = null;
                if ((h.fork() & 0x10) != 0) {
                    byte[] img = new byte[h.imgLen()];
                    System.arraycopy(s, at + p, img, 0, img.length);
                    p += h.imgLen();
                    if ((h.bimgInfo() & 0x1c) == 0) { // uncompressed (wal_compression is off here)
                        image = new byte[PgHeap.BLCKSZ];
                        System.arraycopy(img, 0, image, 0, h.holeOff());
                        System.arraycopy(img, h.holeOff(), image, h.holeOff() + h.holeLen(), img.length - h.holeOff());
                    } else {
                        image = img;
                    }
                }
                if ((h.fork() & 0x20) != 0) {
                    data = new byte[h.dataLen()];
                    System.arraycopy(s, at + p, data, 0, data.length);
                    p += h.dataLen();
                }
                blocks.add(new Block(h.id(), h.fork(), h.db(), h.rel(), h.blk(), image, data));
            }
            byte[] main = new byte[mainLen];
            System.arraycopy(s, at + p, main, 0, mainLen);
            byte[] raw = new byte[tot];
            System.arraycopy(s, at, raw, 0, tot);
            return new Record(segment, xid, rmid, info, blocks, main, raw);
        } catch (IndexOutOfBoundsException | IllegalArgumentException | NegativeArraySizeException e) {
            return null;
        }
    }
}

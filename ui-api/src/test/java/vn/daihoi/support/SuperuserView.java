package vn.daihoi.support;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a PostgreSQL superuser can read of the test database at one moment (issue 10, acceptance 1): every table
 * with {@code xmin} and {@code ctid}; {@code pg_stat_activity} and, where the cluster loads it,
 * {@code pg_stat_statements}; the raw pages of every relation file after a {@code CHECKPOINT}, parsed down to
 * tuples (dead and carved ones included); every WAL segment in {@code pg_wal}, parsed into records with their
 * transaction ids and the heap tuples they write; and the application log of the test JVM up to the capture.
 * Nothing here is specific to the ballot box: {@link BallotBoxAttacker} uses it.
 */
public final class SuperuserView {

    /** A row as SQL shows it: text of every column, bytea columns also as bytes. */
    public record Row(String table, String xmin, String ctid, Map<String, Object> values) {}

    public record Relation(long oid, String name, char kind, String schema, long fileNode, List<PgHeap.Attribute> atts, byte[] file) {}

    /** A heap tuple written by a WAL record: insert or update, by transaction {@code xid}, at its new location. */
    public record WalTuple(long xid, String relation, String op, long block, int offnum, long oldBlock, int oldOffnum,
                           PgHeap.Tuple tuple) {}

    public final String label;
    public final long databaseOid;
    public final Map<String, List<Row>> tables = new LinkedHashMap<>();
    public final List<String> activity = new ArrayList<>();
    public final List<String> statements = new ArrayList<>();
    /** Why pg_stat_statements could not be read, or null when it was. */
    public String statementsUnavailable;
    public final Map<String, Relation> relations = new LinkedHashMap<>();
    private final Map<Long, Relation> byFileNode = new HashMap<>();
    public final Map<String, List<PgHeap.Tuple>> heap = new LinkedHashMap<>();
    public final Map<String, byte[]> wal = new TreeMap<>();
    public final List<PgWal.Record> walRecords;
    public final List<WalTuple> walTuples = new ArrayList<>();
    /** Tuples of full-page images in the WAL, with the record's transaction as the first element's context. */
    public final List<PgHeap.Tuple> walPageTuples = new ArrayList<>();
    public final String log;

    private SuperuserView(String label, long databaseOid, List<PgWal.Record> records, String log) {
        this.label = label;
        this.databaseOid = databaseOid;
        this.walRecords = records;
        this.log = log;
    }

    /** Captures the test database now, as the superuser {@code postgres}, with the application log so far. */
    public static SuperuserView capture(String label, String applicationLog) {
        try (Connection c = DriverManager.getConnection(TestDatabase.url(), "postgres", "")) {
            c.setAutoCommit(true);
            long dbOid = one(c, "select oid from pg_database where datname = current_database()");
            exec(c, "checkpoint");
            Map<String, byte[]> segments = new TreeMap<>();
            for (String name : strings(c, "select name from pg_ls_waldir() where name ~ '^[0-9A-F]{24}$' order by name")) {
                try (PreparedStatement ps = c.prepareStatement("select pg_read_binary_file('pg_wal/' || ?)")) {
                    ps.setString(1, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) segments.put(name, rs.getBytes(1));
                    }
                } catch (SQLException recycledMeanwhile) {
                    // a segment removed between the listing and the read is gone for the attacker too
                }
            }
            SuperuserView v = new SuperuserView(label, dbOid, PgWal.records(segments), applicationLog);
            v.wal.putAll(segments);
            v.readTables(c);
            v.activity.addAll(strings(c, "select coalesce(datname, '') || ' ' || coalesce(usename, '') || ' ' || coalesce(state, '') || ' ' "
                    + "|| coalesce(query, '') from pg_stat_activity"));
            try {
                exec(c, "create extension if not exists pg_stat_statements");
                v.statements.addAll(strings(c, "select query from pg_stat_statements"));
            } catch (SQLException e) {
                v.statementsUnavailable = e.getMessage();
            }
            v.readRelations(c);
            v.replayWal();
            return v;
        } catch (SQLException e) {
            throw new IllegalStateException("the superuser's view could not be captured", e);
        }
    }

    private void readTables(Connection c) throws SQLException {
        for (String table : strings(c, "select table_name from information_schema.tables where table_schema = current_schema() "
                + "and table_type = 'BASE TABLE' order by table_name")) {
            List<Row> rows = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select xmin::text as \"xmin\", ctid::text as \"ctid\", x.* from \"" + table + "\" x")) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 3; i <= md.getColumnCount(); i++) {
                        values.put(md.getColumnName(i), md.getColumnTypeName(i).equals("bytea") ? rs.getBytes(i) : rs.getString(i));
                    }
                    rows.add(new Row(table, rs.getString(1), rs.getString(2), values));
                }
            }
            tables.put(table, rows);
        }
    }

    private void readRelations(Connection c) throws SQLException {
        List<Object[]> rels = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select c.oid, c.relname, c.relkind, n.nspname, pg_relation_filenode(c.oid), pg_relation_filepath(c.oid)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 't', 'i', 'm', 'S') and c.relpersistence = 'p' and pg_relation_filepath(c.oid) is not null
                order by c.oid""")) {
            while (rs.next()) rels.add(new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3).charAt(0), rs.getString(4), rs.getLong(5), rs.getString(6)});
        }
        for (Object[] r : rels) {
            byte[] file;
            try (PreparedStatement ps = c.prepareStatement("select pg_read_binary_file(?)")) {
                ps.setString(1, (String) r[5]);
                try (ResultSet rs = ps.executeQuery()) {
                    file = rs.next() ? rs.getBytes(1) : new byte[0];
                }
            } catch (SQLException noFileYet) {
                file = new byte[0];
            }
            char kind = (char) r[2];
            String schema = (String) r[3];
            boolean ours = !schema.equals("pg_catalog") && !schema.equals("information_schema");
            List<PgHeap.Attribute> atts = kind != 'i' && ours ? attributes(c, (long) r[0]) : null;
            Relation rel = new Relation((long) r[0], (String) r[1], kind, schema, (long) r[4], atts, file);
            relations.put(rel.name(), rel);
            byFileNode.put(rel.fileNode(), rel);
            if (kind == 'r' || kind == 't' || kind == 'm') {
                List<PgHeap.Tuple> tuples = new ArrayList<>();
                for (int blk = 0; (blk + 1) * PgHeap.BLCKSZ <= file.length; blk++) {
                    tuples.addAll(PgHeap.tuples(rel.name(), PgHeap.page(file, blk), atts));
                }
                heap.put(rel.name(), tuples);
            }
        }
    }

    private static List<PgHeap.Attribute> attributes(Connection c, long oid) throws SQLException {
        List<PgHeap.Attribute> atts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select a.attname, coalesce(t.typname, 'dropped'), a.attlen, a.attalign, a.attisdropped
                from pg_attribute a left join pg_type t on t.oid = a.atttypid
                where a.attrelid = ? and a.attnum > 0 order by a.attnum""")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) atts.add(new PgHeap.Attribute(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4).charAt(0), rs.getBoolean(5)));
            }
        }
        return atts;
    }

    private record Loc(long rel, long block, int offnum) {}

    /**
     * Replays the heap records of this database's relations in log order, keeping the latest known bytes of each
     * tuple location (from full-page images and earlier records), so that an update logged without the columns it
     * shares with the old version (prefix/suffix compression) is reconstructed whole.
     */
    private void replayWal() {
        Map<Loc, byte[]> state = new HashMap<>();
        for (PgWal.Record r : walRecords) {
            for (PgWal.Block b : r.blocks()) {
                if (b.db() != databaseOid || b.image() == null || b.image().length != PgHeap.BLCKSZ || (b.forkFlags() & 0x0f) != 0) continue;
                Relation rel = byFileNode.get(b.relNode());
                if (rel == null || rel.kind() == 'i') continue;
                PgHeap.Page page = PgHeap.page(b.image(), 0);
                for (PgHeap.Tuple t : PgHeap.tuples(rel.name(), page, rel.atts())) {
                    PgHeap.Tuple at = new PgHeap.Tuple(t.relation(), (int) b.blockNo(), t.offnum(), t.pageOffset(), t.carved(), t.pointerFlags(),
                            t.xmin(), t.xmax(), t.infomask(), t.infomask2(), t.bytes(), t.columns());
                    walPageTuples.add(at);
                    if (!t.carved()) state.put(new Loc(b.relNode(), b.blockNo(), t.offnum()), t.bytes());
                }
            }
            if (r.rmid() != PgWal.RM_HEAP) continue;
            int op = r.info() & 0x70;
            PgWal.Block nb = r.block(0);
            if (nb == null || nb.db() != databaseOid) continue;
            Relation rel = byFileNode.get(nb.relNode());
            if (rel == null || rel.atts() == null) continue;
            ByteBuffer main = ByteBuffer.wrap(r.mainData()).order(ByteOrder.LITTLE_ENDIAN);
            try {
                if (op == 0x00) { // XLOG_HEAP_INSERT
                    int offnum = main.getShort(0) & 0xffff;
                    byte[] t = nb.data() != null ? fromHeader(r.xid(), nb.data(), 0, null, 0, 0)
                            : state.get(new Loc(nb.relNode(), nb.blockNo(), offnum));
                    if (t == null) continue;
                    state.put(new Loc(nb.relNode(), nb.blockNo(), offnum), t);
                    walTuples.add(new WalTuple(r.xid(), rel.name(), "insert", nb.blockNo(), offnum, -1, -1,
                            PgHeap.tuple(rel.name(), (int) nb.blockNo(), offnum, -1, false, 1, t, rel.atts())));
                } else if (op == 0x20 || op == 0x40) { // XLOG_HEAP_UPDATE, XLOG_HEAP_HOT_UPDATE
                    int oldOff = main.getShort(4) & 0xffff, flags = main.get(7) & 0xff, newOff = main.getShort(12) & 0xffff;
                    PgWal.Block ob = r.block(1) != null ? r.block(1) : nb;
                    byte[] old = state.get(new Loc(ob.relNode(), ob.blockNo(), oldOff));
                    byte[] t;
                    if (nb.data() != null) {
                        ByteBuffer d = ByteBuffer.wrap(nb.data()).order(ByteOrder.LITTLE_ENDIAN);
                        int p = 0, prefix = 0, suffix = 0;
                        if ((flags & 0x20) != 0) { prefix = d.getShort(p) & 0xffff; p += 2; }
                        if ((flags & 0x40) != 0) { suffix = d.getShort(p) & 0xffff; p += 2; }
                        if ((prefix > 0 || suffix > 0) && old == null) continue; // the shared part is unknown
                        t = fromHeader(r.xid(), nb.data(), p, old, prefix, suffix);
                    } else {
                        t = state.get(new Loc(nb.relNode(), nb.blockNo(), newOff));
                    }
                    if (t == null) continue;
                    state.put(new Loc(nb.relNode(), nb.blockNo(), newOff), t);
                    walTuples.add(new WalTuple(r.xid(), rel.name(), op == 0x40 ? "hot-update" : "update", nb.blockNo(), newOff, ob.blockNo(), oldOff,
                            PgHeap.tuple(rel.name(), (int) nb.blockNo(), newOff, -1, false, 1, t, rel.atts())));
                }
            } catch (IndexOutOfBoundsException | IllegalArgumentException | NegativeArraySizeException malformed) {
                // a record this reader does not understand: its bytes stay searchable
            }
        }
    }

    /** A whole tuple from xl_heap_header + logged bytes (+ the prefix and suffix shared with the old version). */
    private static byte[] fromHeader(long xid, byte[] data, int p, byte[] old, int prefix, int suffix) {
        ByteBuffer d = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int infomask2 = d.getShort(p) & 0xffff, infomask = d.getShort(p + 2) & 0xffff, hoff = data[p + 4] & 0xff;
        int body = p + 5;
        int bits = hoff - PgHeap.TUPLE_HEADER;
        byte[] oldData = new byte[0];
        if (old != null) {
            int oldHoff = old[22] & 0xff;
            oldData = java.util.Arrays.copyOfRange(old, oldHoff, old.length);
        }
        int logged = data.length - body - bits;
        byte[] t = new byte[hoff + prefix + logged + suffix];
        ByteBuffer tb = ByteBuffer.wrap(t).order(ByteOrder.LITTLE_ENDIAN);
        tb.putInt(0, (int) xid);
        tb.putShort(18, (short) infomask2);
        tb.putShort(20, (short) infomask);
        t[22] = (byte) hoff;
        System.arraycopy(data, body, t, PgHeap.TUPLE_HEADER, bits);
        System.arraycopy(oldData, 0, t, hoff, prefix);
        System.arraycopy(data, body + bits, t, hoff + prefix, logged);
        System.arraycopy(oldData, oldData.length - suffix, t, hoff + prefix + logged, suffix);
        return t;
    }

    /** The same capture without the WAL: what a reader of tables and heap files alone has (for comparison). */
    public SuperuserView withoutWal() {
        SuperuserView v = new SuperuserView(label + " (no WAL)", databaseOid, List.of(), log);
        v.tables.putAll(tables);
        v.activity.addAll(activity);
        v.statements.addAll(statements);
        v.statementsUnavailable = statementsUnavailable;
        v.relations.putAll(relations);
        v.byFileNode.putAll(byFileNode);
        v.heap.putAll(heap);
        return v;
    }

    public Relation relation(String name) {
        return relations.get(name);
    }

    /** Every tuple of a relation in its heap file: live, dead, and carved from unused space. */
    public List<PgHeap.Tuple> tuples(String relation) {
        return heap.getOrDefault(relation, List.of());
    }

    /** Where each needle occurs: "table t", "heap r block n", "wal segment", "pg_stat_activity", "log", … */
    public Map<String, List<String>> find(Collection<byte[]> needles) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        Map<Integer, List<byte[]>> byPrefix = new HashMap<>();
        for (byte[] n : needles) if (n.length >= 4) byPrefix.computeIfAbsent(ByteBuffer.wrap(n).getInt(), k -> new ArrayList<>()).add(n);
        java.util.function.BiConsumer<String, byte[]> scan = (where, hay) -> {
            for (int i = 0; i + 4 <= hay.length; i++) {
                int w = ((hay[i] & 0xff) << 24) | ((hay[i + 1] & 0xff) << 16) | ((hay[i + 2] & 0xff) << 8) | (hay[i + 3] & 0xff);
                List<byte[]> cands = byPrefix.get(w);
                if (cands == null) continue;
                for (byte[] n : cands) {
                    if (i + n.length <= hay.length && java.util.Arrays.equals(hay, i, i + n.length, n, 0, n.length)) {
                        found.computeIfAbsent(new String(n, StandardCharsets.ISO_8859_1), k -> new ArrayList<>()).add(where + " @" + i);
                    }
                }
            }
        };
        tables.forEach((t, rows) -> rows.forEach(r -> r.values().forEach((col, v) -> {
            if (v != null) scan.accept("table " + t + "." + col + " ctid " + r.ctid(), v instanceof byte[] b ? b : v.toString().getBytes(StandardCharsets.UTF_8));
        })));
        relations.values().forEach(r -> {
            for (int blk = 0; (blk + 1) * PgHeap.BLCKSZ <= r.file().length; blk++) {
                scan.accept("file of " + r.name() + " block " + blk, java.util.Arrays.copyOfRange(r.file(), blk * PgHeap.BLCKSZ, (blk + 1) * PgHeap.BLCKSZ));
            }
        });
        wal.forEach((name, bytes) -> scan.accept("pg_wal/" + name, bytes));
        for (int i = 0; i < activity.size(); i++) scan.accept("pg_stat_activity row " + i, activity.get(i).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < statements.size(); i++) scan.accept("pg_stat_statements row " + i, statements.get(i).getBytes(StandardCharsets.UTF_8));
        scan.accept("application log", log.getBytes(StandardCharsets.UTF_8));
        Map<String, List<String>> named = new LinkedHashMap<>();
        for (byte[] n : needles) {
            List<String> where = found.get(new String(n, StandardCharsets.ISO_8859_1));
            if (where != null) named.put(new String(n, StandardCharsets.ISO_8859_1), where);
        }
        return named;
    }

    /** Where the bytes occur in any source (empty when nowhere). */
    public List<String> contains(byte[] needle) {
        return find(List.of(needle)).values().stream().findFirst().orElse(List.of());
    }

    /** Where the text (UTF-8) occurs in any source. */
    public List<String> contains(String needle) {
        return contains(needle.getBytes(StandardCharsets.UTF_8));
    }

    /** Spearman's rank correlation of two orders of the same items (1: same order, -1: reversed). */
    public static <T> double spearman(List<T> a, List<T> b) {
        Map<T, Integer> rank = new HashMap<>();
        for (int i = 0; i < b.size(); i++) rank.put(b.get(i), i);
        List<T> common = a.stream().filter(rank::containsKey).toList();
        int n = common.size();
        if (n < 2) return Double.NaN;
        List<Integer> rb = common.stream().map(rank::get).sorted().toList();
        Map<Integer, Integer> dense = new HashMap<>();
        for (int i = 0; i < n; i++) dense.put(rb.get(i), i);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double d = i - dense.get(rank.get(common.get(i)));
            d2 += d * d;
        }
        return 1 - 6 * d2 / ((double) n * ((double) n * n - 1));
    }

    public String summary() {
        long tuples = heap.values().stream().mapToLong(List::size).sum();
        long carved = heap.values().stream().flatMap(List::stream).filter(PgHeap.Tuple::carved).count();
        long dead = heap.values().stream().flatMap(List::stream).filter(t -> t.pointerFlags() == 3).count();
        return "%s: %d tables, %d relation files (%d heap tuples, %d LP_DEAD, %d carved from unused space), %d WAL segments "
                .formatted(label, tables.size(), relations.size(), tuples, dead, carved, wal.size())
                + "(%d records, %d heap tuples decoded, %d tuples in full-page images), %d pg_stat_activity rows, pg_stat_statements: %s, log %d chars"
                .formatted(walRecords.size(), walTuples.size(), walPageTuples.size(), activity.size(),
                        statementsUnavailable == null ? statements.size() + " rows" : "unavailable (" + statementsUnavailable + ")", log.length());
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

package org.switchboard.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The audit table (V024): inserts and filtered reads only; the database refuses updates and deletes. */
@Repository
class AuditStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes one entry; its id. {@code before}, {@code after} and {@code facts} are JSON objects (or null). */
    long insert(Instant at, String actor, AuditKind kind, String subjectType, String subjectId, String before,
            String after, String facts) {
        return jdbc.sql("""
                insert into audit_entry (occurred_at, actor, kind, subject_type, subject_id, before, after, facts)
                values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb)) returning id""")
                .params(Timestamp.from(at), actor, kind.name(), subjectType, subjectId, before, after, facts)
                .query(Long.class).single();
    }

    /** The query's page, newest first. */
    List<AuditEntry> find(AuditQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, params);
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        return jdbc.sql("select id, occurred_at, actor, kind, subject_type, subject_id, before, after, facts"
                        + " from audit_entry" + where + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(params).query(AuditStore::entry).list();
    }

    /** How many entries match the query in all. */
    long count(AuditQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, params);
        return jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
    }

    private static String where(AuditQuery q, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (q.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", Timestamp.from(q.to()));
        }
        if (q.user() != null) {
            conditions.add("(actor = :user or (subject_type = 'user' and subject_id = :user))");
            params.put("user", q.user());
        }
        if (!q.kinds().isEmpty()) {
            conditions.add("kind in (:kinds)");
            params.put("kinds", q.kinds().stream().map(Enum::name).sorted().toList());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                AuditKind.valueOf(rs.getString("kind")), rs.getString("subject_type"), rs.getString("subject_id"),
                map(rs.getString("before")), map(rs.getString("after")), facts(rs.getString("facts")));
    }

    private static Map<String, Object> map(String json) {
        return json == null ? null : JSON.readValue(json, MAP);
    }

    private static Map<String, Object> facts(String json) {
        Map<String, Object> f = map(json);
        return f == null ? Map.of() : f;
    }
}

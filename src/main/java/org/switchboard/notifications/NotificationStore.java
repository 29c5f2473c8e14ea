package org.switchboard.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The notification table (V018): one row per recipient, the facts as JSON ({@code args}), read or not. */
@Repository
class NotificationStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> ARGS = new TypeReference<>() {};

    /** A stored notification: facts only. */
    record Row(long id, long recipientId, NotificationKind kind, Map<String, String> args, String link,
            Instant createdAt, Instant readAt) {
    }

    private final JdbcClient jdbc;

    NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long recipientId, NotificationKind kind, Map<String, String> args, String link, Instant now) {
        return jdbc.sql("""
                insert into notification (recipient_id, kind, args, link, created_at)
                values (?, ?, cast(? as jsonb), ?, ?) returning id""")
                .params(recipientId, kind.name(), JSON.writeValueAsString(args), link, Timestamp.from(now))
                .query(Long.class).single();
    }

    /** The recipient's notifications, newest first. */
    List<Row> list(long recipientId, int limit, int offset) {
        return jdbc.sql("""
                select id, recipient_id, kind, args, link, created_at, read_at from notification
                where recipient_id = ? order by created_at desc, id desc limit ? offset ?""")
                .params(recipientId, limit, offset).query(NotificationStore::row).list();
    }

    long unread(long recipientId) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null")
                .param(recipientId).query(Long.class).single();
    }

    /** Marks the recipient's own notification read (a read one keeps its time); false when it is not theirs. */
    boolean markRead(long id, long recipientId, Instant now) {
        return jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and recipient_id = ?")
                .params(Timestamp.from(now), id, recipientId).update() == 1;
    }

    /** Marks all the recipient's unread notifications read; how many. */
    int markAllRead(long recipientId, Instant now) {
        return jdbc.sql("update notification set read_at = ? where recipient_id = ? and read_at is null")
                .params(Timestamp.from(now), recipientId).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Row(rs.getLong("id"), rs.getLong("recipient_id"), NotificationKind.valueOf(rs.getString("kind")),
                JSON.readValue(rs.getString("args"), ARGS), rs.getString("link"),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}

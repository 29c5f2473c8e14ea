package org.switchboard.schedule;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar_feed and calendar_feed_key tables (V012): per operator a nonce and the SHA-256 of the feed token. */
@Repository
class CalendarFeedStore {

    /** An operator's feed: the nonce its token is derived from and the hash stored for looking it up. */
    record Feed(long operatorId, byte[] nonce, String tokenHash, Instant createdAt, Instant renewedAt) {
    }

    private final JdbcClient jdbc;

    CalendarFeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Feed> ofOperator(long operatorId) {
        return jdbc.sql("select operator_id, nonce, token_hash, created_at, renewed_at from calendar_feed where operator_id = ?")
                .param(operatorId).query(CalendarFeedStore::feed).optional();
    }

    /** The operator whose token has this hash. */
    Optional<Long> operatorOf(String tokenHash) {
        return jdbc.sql("select operator_id from calendar_feed where token_hash = ?").param(tokenHash)
                .query(Long.class).optional();
    }

    /** Creates the operator's feed, or keeps the one another request created meanwhile. */
    void create(long operatorId, byte[] nonce, String tokenHash, Instant now) {
        jdbc.sql("""
                insert into calendar_feed (operator_id, token_hash, nonce, created_at) values (?, ?, ?, ?)
                on conflict (operator_id) do nothing""")
                .params(operatorId, tokenHash, nonce, Timestamp.from(now)).update();
    }

    /** A new nonce and hash: the old token stops working at once. */
    void renew(long operatorId, byte[] nonce, String tokenHash, Instant now) {
        jdbc.sql("update calendar_feed set nonce = ?, token_hash = ?, renewed_at = ? where operator_id = ?")
                .params(nonce, tokenHash, Timestamp.from(now), operatorId).update();
    }

    /** Stores the hash again (after the key changed, the same nonce gives another token). */
    void rehash(long operatorId, String tokenHash) {
        jdbc.sql("update calendar_feed set token_hash = ? where operator_id = ?").params(tokenHash, operatorId).update();
    }

    /** The stored key, drawn on first use (the first writer wins). */
    byte[] key(byte[] candidate, Instant now) {
        jdbc.sql("insert into calendar_feed_key (id, secret, created_at) values (1, ?, ?) on conflict (id) do nothing")
                .params(candidate, Timestamp.from(now)).update();
        return jdbc.sql("select secret from calendar_feed_key where id = 1").query(byte[].class).single();
    }

    private static Feed feed(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp renewed = rs.getTimestamp("renewed_at");
        return new Feed(rs.getLong("operator_id"), rs.getBytes("nonce"), rs.getString("token_hash"),
                rs.getTimestamp("created_at").toInstant(), renewed == null ? null : renewed.toInstant());
    }
}

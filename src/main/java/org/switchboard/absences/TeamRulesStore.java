package org.switchboard.absences;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The teams' rules for time off (absence_team_setting) and the managers' per-date limits (absence_allotment). */
@Repository
class TeamRulesStore {

    private final JdbcClient jdbc;

    TeamRulesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TeamAbsenceSettings settings(long teamId) {
        return jdbc.sql("select team_id, daily_limit, auto_approve, auto_approve_threshold from absence_team_setting"
                        + " where team_id = :team").param("team", teamId)
                .query((rs, n) -> new TeamAbsenceSettings(rs.getLong("team_id"),
                        rs.getObject("daily_limit") == null ? null : rs.getInt("daily_limit"),
                        rs.getBoolean("auto_approve"), rs.getBigDecimal("auto_approve_threshold").doubleValue()))
                .optional().orElseGet(() -> TeamAbsenceSettings.defaults(teamId));
    }

    void save(TeamAbsenceSettings s) {
        jdbc.sql("insert into absence_team_setting (team_id, daily_limit, auto_approve, auto_approve_threshold)"
                        + " values (:team, :limit, :auto, :threshold) on conflict (team_id) do update set"
                        + " daily_limit = excluded.daily_limit, auto_approve = excluded.auto_approve,"
                        + " auto_approve_threshold = excluded.auto_approve_threshold,"
                        + " version = absence_team_setting.version + 1")
                .param("team", s.teamId()).param("limit", s.dailyLimit()).param("auto", s.autoApprove())
                .param("threshold", BigDecimal.valueOf(s.threshold())).update();
    }

    /** The managers' limits for the team's dates in [from, to]. */
    Map<LocalDate, Integer> overrides(long teamId, LocalDate from, LocalDate to) {
        Map<LocalDate, Integer> map = new TreeMap<>();
        jdbc.sql("select day, daily_limit from absence_allotment where team_id = :team and day between :from and :to")
                .param("team", teamId).param("from", from).param("to", to)
                .query(rs -> {
                    map.put(rs.getDate("day").toLocalDate(), rs.getInt("daily_limit"));
                });
        return map;
    }

    void setOverride(long teamId, LocalDate day, int limit, String by, Instant at) {
        jdbc.sql("insert into absence_allotment (team_id, day, daily_limit, set_by, set_at) values (:team, :day, :limit,"
                        + " :by, :at) on conflict (team_id, day) do update set daily_limit = excluded.daily_limit,"
                        + " set_by = excluded.set_by, set_at = excluded.set_at")
                .param("team", teamId).param("day", day).param("limit", limit).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    void removeOverride(long teamId, LocalDate day) {
        jdbc.sql("delete from absence_allotment where team_id = :team and day = :day").param("team", teamId)
                .param("day", day).update();
    }

}

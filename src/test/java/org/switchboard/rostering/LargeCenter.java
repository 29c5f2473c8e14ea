package org.switchboard.rostering;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A large team for tests and benchmarks of big rosters: {@code size} operators copied, round robin, from the demo
 * center's active operators (their contract, skills, night eligibility and zone), in a team of their own, written
 * straight to the tables (thousands through the service would take minutes). {@link #close} removes them, their team
 * and every roster that planned them.
 */
public final class LargeCenter implements AutoCloseable {

    private final JdbcTemplate jdbc;
    public final long teamId;
    final String teamName;
    final int size;

    public LargeCenter(JdbcTemplate jdbc, String name, int size) {
        this.jdbc = jdbc;
        this.teamName = name;
        this.size = size;
        this.teamId = jdbc.queryForObject("insert into team (name) values (?) returning id", Long.class, name);
        String prefix = prefix();
        jdbc.update("""
                with demo as (select o.*, row_number() over (order by o.id) - 1 as k, count(*) over () as n
                              from operator o where o.active and o.employee_number not like 'L%-%')
                insert into operator (employee_number, first_name, last_name, team_id, grade, contract_id,
                    night_eligible, time_zone)
                select ? || g, 'Large', 'Operator ' || g, ?, d.grade, d.contract_id, d.night_eligible, d.time_zone
                from generate_series(0, ? - 1) g join demo d on d.k = g % d.n""", prefix, teamId, size);
        jdbc.update("""
                with demo as (select o.id, row_number() over (order by o.id) - 1 as k, count(*) over () as n
                              from operator o where o.active and o.employee_number not like 'L%-%')
                insert into operator_skill (operator_id, queue_id, proficiency)
                select b.id, s.queue_id, s.proficiency
                from operator b
                join demo d on d.k = substring(b.employee_number from ?)::int % d.n
                join operator_skill s on s.operator_id = d.id
                where b.team_id = ?""", prefix.length() + 1, teamId);
    }

    private String prefix() {
        return "L" + teamId + "-";
    }

    @Override
    public void close() {
        List<Long> rosters = jdbc.queryForList("""
                select distinct ro.roster_id from roster_operator ro join operator o on o.id = ro.operator_id
                where o.team_id = ?""", Long.class, teamId);
        for (Long r : rosters) {
            jdbc.update("delete from roster_assignment where roster_id = ?", r);
            jdbc.update("delete from roster_operator where roster_id = ?", r);
            jdbc.update("delete from roster where id = ?", r);
        }
        jdbc.update("delete from operator where team_id = ?", teamId);
        jdbc.update("delete from team where id = ?", teamId);
    }
}

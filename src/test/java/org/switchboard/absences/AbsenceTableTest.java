package org.switchboard.absences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** The database's own rules for absences: no overlap of one operator's active absences; the calendar reads approved ones. */
@SpringBootTest
@Transactional
class AbsenceTableTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AbsenceCalendar calendar;

    private long insert(long operatorId, String status, String from, String to) {
        return jdbc.queryForObject("insert into absence (operator_id, type, status, from_date, to_date, starts_at, ends_at,"
                + " whole_days, requested_at, requested_by) values (?, 'VACATION', ?, ?::date, ?::date, ?::timestamptz,"
                + " ?::timestamptz, true, now(), 'test') returning id", Long.class, operatorId, status, from, to,
                from + "T00:00:00+03:00", java.time.LocalDate.parse(to).plusDays(1) + "T00:00:00+03:00");
    }

    @Test
    void oneOperatorsActiveAbsencesNeverOverlap() {
        long op = jdbc.queryForObject("select min(id) from operator", Long.class);
        long other = jdbc.queryForObject("select max(id) from operator", Long.class);
        insert(op, "APPROVED", "2031-03-02", "2031-03-06");
        insert(other, "APPROVED", "2031-03-02", "2031-03-06");
        insert(op, "REJECTED", "2031-03-04", "2031-03-05");
        insert(op, "REQUESTED", "2031-03-07", "2031-03-08");

        List<AbsenceSpan> approved = calendar.approved(List.of(op), Instant.parse("2031-03-01T00:00:00Z"),
                Instant.parse("2031-03-31T00:00:00Z"));
        assertThat(approved).singleElement().satisfies(a -> {
            assertThat(a.operatorId()).isEqualTo(op);
            assertThat(a.startsAt()).isEqualTo(Instant.parse("2031-03-01T21:00:00Z"));
            assertThat(a.wholeDays()).isTrue();
        });
        assertThat(calendar.approved(null, Instant.parse("2031-03-01T00:00:00Z"), Instant.parse("2031-03-31T00:00:00Z")))
                .hasSize(2);
        // last: the violation aborts the test's transaction
        assertThatThrownBy(() -> insert(op, "WAITLISTED", "2031-03-06", "2031-03-07"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("absence_no_overlap");
    }
}

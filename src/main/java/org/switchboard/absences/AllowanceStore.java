package org.switchboard.absences;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The yearly allowances (absence_allowance): the contract's own row, else the default row for every contract. */
@Repository
class AllowanceStore {

    /** One allowance row. */
    record Allowance(AbsenceType type, Long contractId, int daysPerYear, DayCounting counting, boolean carryOver,
            Integer carryOverCap, int firstYear) {
    }

    private final JdbcClient jdbc;

    AllowanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The allowance of the type under the contract; empty: the type is unlimited. */
    Optional<Allowance> find(AbsenceType type, Long contractId) {
        return jdbc.sql("select type, contract_id, days_per_year, counting, carry_over, carry_over_cap, first_year"
                        + " from absence_allowance where type = :type and (contract_id = :contract or contract_id is null)"
                        + " order by contract_id nulls last limit 1")
                .param("type", type.name()).param("contract", contractId)
                .query((rs, n) -> new Allowance(AbsenceType.valueOf(rs.getString("type")),
                        rs.getObject("contract_id") == null ? null : rs.getLong("contract_id"),
                        rs.getInt("days_per_year"), DayCounting.valueOf(rs.getString("counting")),
                        rs.getBoolean("carry_over"),
                        rs.getObject("carry_over_cap") == null ? null : rs.getInt("carry_over_cap"),
                        rs.getInt("first_year")))
                .optional();
    }
}

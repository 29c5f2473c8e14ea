package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.demand.Direction;
import org.switchboard.demand.Queue;
import org.switchboard.demand.staffing.StaffingCalculator;
import org.switchboard.demand.staffing.StaffingRequest;
import org.switchboard.demand.staffing.StaffingRequirement;
import org.switchboard.rostering.solver.DemandUnit;
import org.switchboard.rostering.solver.ServiceCurve;

/** The demand units of a call-center roster, weighed by the service level or by operators. */
class DemandUnitsTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    private static final LocalDate START = LocalDate.of(2027, 3, 1);
    private static final Instant PERIOD = START.atStartOfDay(ZONE).toInstant();

    private static Queue queue(String code, Direction direction) {
        Queue q = new Queue();
        q.setCode(code);
        q.setName(code);
        q.setDirection(direction);
        q.setServiceLevelPercent(80.0);
        q.setAnswerWithinSeconds(20);
        q.setShrinkagePercent(0.0);
        return q;
    }

    /** A 30-minute requirement of {@code calls} calls at 240 s, its positions by Erlang C at 80/20. */
    private static StaffingRequirement row(long queueId, int hour, double calls) {
        int agents = calls <= 0 ? 1 : StaffingCalculator.required(StaffingRequest.erlangC(calls, 30, 240, 0.8, 20)).agents();
        return new StaffingRequirement(queueId, PERIOD.plusSeconds(hour * 3600L), 30, calls, 240, agents, agents, 0.8, 0.8, 10);
    }

    private static final Map<Long, Queue> QUEUES = Map.of(1L, queue("IN", Direction.INBOUND), 2L,
            queue("OUT", Direction.OUTBOUND));

    @Test
    void inboundIntervalsWithCallsAreWeighedByTheCallsTheirOperatorsAnswerInTime() {
        List<StaffingRequirement> rows = List.of(row(1, 10, 150), row(1, 22, 12), row(2, 10, 0));
        List<DemandUnit> units = DemandUnits.of(rows, 15, START, PERIOD, ZONE, QUEUES, CoverageAim.SERVICE_LEVEL, 0);
        // each 30-minute row gives two 15-minute units, each with half the calls
        assertThat(units).hasSize(6);
        DemandUnit busy = units.get(0);
        DemandUnit quiet = units.get(2);
        assertThat(busy.curve()).isNotNull();
        assertThat(busy.curve().calls()).isEqualTo(75.0);
        assertThat(busy.curve().steps()).hasSize(rows.get(0).positions() + ServiceCurve.BEYOND_REQUIRED);
        // the last operator of the busy interval is worth more calls answered in time than the quiet one's
        assertThat(busy.step(busy.required() - 1)).isGreaterThan(quiet.step(quiet.required() - 1));
        assertThat(busy.curve().level(busy.required())).isGreaterThanOrEqualTo(0.8);
        // the steps up to the requirement average the medium points of an operator-interval
        double mean = units.stream().filter(u -> u.curve() != null)
                .flatMapToInt(u -> Arrays.stream(u.curve().steps(), 0, u.required())).average().orElseThrow();
        assertThat(mean).isCloseTo(ServiceCurve.AVERAGE_STEP, within(0.5));
        // outbound: no curve, each missing operator weighs that average
        DemandUnit outbound = units.get(4);
        assertThat(outbound.curve()).isNull();
        assertThat(outbound.shortageWeight()).isEqualTo(ServiceCurve.AVERAGE_STEP);
        assertThat(outbound.fullValue()).isEqualTo(outbound.required() * ServiceCurve.AVERAGE_STEP);
        // a busy interval's operators beyond the requirement still raise its service level, so are still worth something
        assertThat(busy.coverValue(busy.required() + 1)).isGreaterThan(busy.coverValue(busy.required()));
    }

    @Test
    void weighingByOperatorsKeepsEveryMissingOperatorAlike() {
        List<StaffingRequirement> rows = List.of(row(1, 10, 150), row(1, 22, 12), row(2, 10, 0));
        List<DemandUnit> units = DemandUnits.of(rows, 15, START, PERIOD, ZONE, QUEUES, CoverageAim.OPERATORS, 0.3);
        assertThat(units).allSatisfy(u -> {
            assertThat(u.curve()).isNull();
            assertThat(u.shortageWeight()).isEqualTo(ServiceCurve.AVERAGE_STEP);
            assertThat(u.missingCost(0)).isEqualTo(u.required() * ServiceCurve.AVERAGE_STEP);
            assertThat(u.coverValue(u.required() + 1)).isEqualTo(u.fullValue());
        });
    }

    /** Allowing for the forecast's error: the requirement met on the forecast is not met as often on the real calls. */
    @Test
    void allowingForTheForecastsErrorLowersWhatTheRequirementIsExpectedToAnswer() {
        List<StaffingRequirement> rows = List.of(row(1, 10, 150));
        DemandUnit plain = DemandUnits.of(rows, 30, START, PERIOD, ZONE, QUEUES, CoverageAim.SERVICE_LEVEL, 0).getFirst();
        DemandUnit spread = DemandUnits.of(rows, 30, START, PERIOD, ZONE, QUEUES, CoverageAim.SERVICE_LEVEL, 0.3).getFirst();
        int required = plain.required();
        assertThat(plain.curve().level(required)).isGreaterThanOrEqualTo(0.8);
        assertThat(spread.curve().level(required)).isLessThan(plain.curve().level(required) - 0.02);
        // operators beyond the requirement still raise it: the calls may be more than forecast
        assertThat(spread.curve().level(required + 2)).isGreaterThan(spread.curve().level(required) + 0.02);
    }
}

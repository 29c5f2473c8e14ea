package org.switchboard.rostering.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The end of a solve as the custom phases see it: the solve's deadline, a phase's budget, a stop. */
class SolveControlTest {

    @Test
    void aPhaseEndsAtItsBudgetOrTheSolvesDeadlineWhicheverComesFirst() {
        SolveControl control = new SolveControl();
        assertThat(control.isOver()).as("no clock: never over by time").isFalse();
        assertThat(control.phase(60_000).millisLeft()).isBetween(59_000L, 60_000L);
        assertThat(control.phase(Long.MAX_VALUE).passed()).isFalse();

        control.startClock(5_000);
        assertThat(control.phase(60_000).millisLeft()).as("the solve's deadline comes first").isBetween(4_000L, 5_000L);
        assertThat(control.phase(1_000).millisLeft()).as("the phase's budget comes first").isBetween(0L, 1_000L);
        assertThat(control.phase(60_000).within(2_000).millisLeft()).isBetween(1_000L, 2_000L);
        assertThat(control.phase(0).passed()).isTrue();

        SolveControl late = new SolveControl();
        late.startClock(0);
        assertThat(late.isOver()).isTrue();
        assertThat(late.phase(60_000).passed()).isTrue();
    }

    @Test
    void aStopEndsEveryPhaseAndInterruptsWhatIsBeingSolved() {
        SolveControl control = new SolveControl();
        SolveControl.Deadline phase = control.phase(60_000);
        AtomicInteger interrupted = new AtomicInteger();
        SolveControl.Registration solving = control.whileSolving(interrupted::incrementAndGet);
        SolveControl.Registration done = control.whileSolving(interrupted::incrementAndGet);
        done.close();

        control.stop();
        assertThat(control.isOver()).isTrue();
        assertThat(phase.passed()).isTrue();
        assertThat(phase.millisLeft()).isZero();
        assertThat(interrupted).as("only the model still being solved").hasValue(1);
        solving.close();
        assertThat(SolveControl.Deadline.none().passed()).isFalse();
    }
}

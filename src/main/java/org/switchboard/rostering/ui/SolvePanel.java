package org.switchboard.rostering.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.switchboard.rostering.RosterService;
import org.switchboard.rostering.RosterState;
import org.switchboard.rostering.RosterStatus;

/**
 * Solving from the board: a time limit, Solve and Stop, and the live best score and covered share. While a solve runs
 * a timer thread asks for the status once a second inside {@link UI#access} (server push, see AppShell's {@code @Push})
 * and lets the board re-read the stored roster every other tick (the solver saves its best roster every few seconds).
 * The timer stops when the solve ends or the panel leaves the page.
 */
final class SolvePanel extends HorizontalLayout {

    static final long TICK_MILLIS = 1000;

    final IntegerField seconds = new IntegerField();
    final Button solve = new Button();
    final Button stop = new Button();
    final Span status = new Span();
    private final RosterService rosters;
    private final long id;
    private final boolean canEdit;
    private final Consumer<RosterStatus> onStatus;
    private final Runnable reload;
    private ScheduledExecutorService timer;
    private int ticks;

    SolvePanel(RosterService rosters, long id, boolean canEdit, Consumer<RosterStatus> onStatus, Runnable reload) {
        this.rosters = rosters;
        this.id = id;
        this.canEdit = canEdit;
        this.onStatus = onStatus;
        this.reload = reload;
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWidthFull();
        seconds.setLabel(getTranslation("solve.seconds"));
        seconds.setHelperText(getTranslation("solve.seconds.helper"));
        seconds.setMin(1);
        seconds.setMax(3600);
        seconds.setValue(30);
        seconds.setStepButtonsVisible(true);
        seconds.setWidth("10rem");
        seconds.setId("solve-seconds");
        solve.setText(getTranslation("solve.start"));
        solve.setIcon(VaadinIcon.PLAY.create());
        solve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        solve.setId("solve");
        solve.addClickListener(e -> start());
        stop.setText(getTranslation("solve.stop"));
        stop.setIcon(VaadinIcon.STOP.create());
        stop.setId("stop");
        stop.addClickListener(e -> stop());
        status.setId("solve-status");
        status.addClassName("sb-solve-status");
        if (canEdit) {
            add(seconds, solve, stop);
        }
        add(status);
    }

    void start() {
        try {
            Integer s = seconds.getValue();
            show(rosters.solve(id, s == null ? 30 : s));
            startTimer();
        } catch (RuntimeException e) {
            RostersView.error(e);
        }
    }

    void stop() {
        try {
            show(rosters.stop(id));
        } catch (RuntimeException e) {
            RostersView.error(e);
        }
    }

    /** Shows a status: state, best score, covered share; enables the buttons that apply. */
    void show(RosterStatus s) {
        boolean draft = s.state() == RosterState.DRAFT;
        solve.setEnabled(canEdit && draft && !s.solving());
        stop.setEnabled(canEdit && s.solving());
        seconds.setEnabled(canEdit && draft && !s.solving());
        status.setText(getTranslation(s.serviceLevel() == null ? "solve.status" : "solve.status.level",
                RosterTexts.state(this, s.state(), s.solving()), RosterTexts.score(this, s.hard(), s.medium(), s.soft()),
                RosterTexts.percent(s.coveredShare(), RosterTexts.locale(this)),
                RosterTexts.percent(s.serviceLevel(), RosterTexts.locale(this))));
        onStatus.accept(s);
    }

    private synchronized void startTimer() {
        if (timer != null || !isAttached()) {
            return;
        }
        UI ui = UI.getCurrent();
        ticks = 0;
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("roster-" + id + "-push").factory());
        timer.scheduleWithFixedDelay(() -> ui.access(this::tick), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        RosterStatus s = rosters.status(id);
        show(s);
        ticks++;
        if (!s.solving()) {
            stopTimer();
            reload.run();
        } else if (ticks % 2 == 0) {
            reload.run();
        }
    }

    private synchronized void stopTimer() {
        if (timer != null) {
            timer.shutdown();
            timer = null;
        }
    }

    /** Whether the push timer runs (tests). */
    synchronized boolean polling() {
        return timer != null;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        RosterStatus s = rosters.status(id);
        show(s);
        if (s.solving()) {
            startTimer();
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopTimer();
        super.onDetach(event);
    }
}

package org.switchboard.rostering.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.function.Predicate;
import org.switchboard.demand.Queue;
import org.switchboard.operators.Team;
import org.switchboard.rostering.ShiftKind;
import org.switchboard.rostering.ui.BoardModel.Row;

/** Filters of the board (team, queue worked, skill) and the legend of the cells. */
final class BoardFilters extends HorizontalLayout {

    final ComboBox<Team> team = new ComboBox<>();
    final ComboBox<Queue> queue = new ComboBox<>();
    final ComboBox<Queue> skill = new ComboBox<>();

    BoardFilters(List<Team> teams, List<Queue> queues, Runnable changed) {
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWidthFull();
        setId("board-filters");
        team.setLabel(getTranslation("board.filter.team"));
        team.setItems(teams);
        team.setItemLabelGenerator(Team::getName);
        team.setId("filter-team");
        queue.setLabel(getTranslation("board.filter.queue"));
        queue.setItems(queues);
        queue.setItemLabelGenerator(Queue::getCode);
        queue.setId("filter-queue");
        skill.setLabel(getTranslation("board.filter.skill"));
        skill.setItems(queues);
        skill.setItemLabelGenerator(Queue::getCode);
        skill.setId("filter-skill");
        for (ComboBox<?> c : List.of(team, queue, skill)) {
            c.setClearButtonVisible(true);
            c.setPlaceholder(getTranslation("board.filter.any"));
            c.setWidth("12rem");
            c.addValueChangeListener(e -> changed.run());
        }
        Span legend = new Span();
        legend.addClassName("sb-legend");
        legend.setId("board-legend");
        for (ShiftKind k : ShiftKind.values()) {
            Span s = new Span(RosterTexts.symbol(k) + " " + RosterTexts.kindName(this, k));
            s.addClassNames("sb-cell", RosterTexts.kindClass(k));
            legend.add(s);
        }
        Span off = new Span(getTranslation("board.off"));
        off.addClassNames("sb-cell", "sb-off");
        Span draft = new Span(getTranslation("board.draft"));
        draft.addClassNames("sb-cell", "sb-day", "sb-draft");
        legend.add(off, draft);
        add(team, queue, skill, legend);
    }

    /** The rows the chosen filters let through. */
    Predicate<Row> predicate() {
        Team t = team.getValue();
        Queue q = queue.getValue();
        Queue s = skill.getValue();
        return r -> (t == null || t.getId().equals(r.teamId))
                && (q == null || r.queues.contains(q.getCode()))
                && (s == null || r.skills.contains(s.getId()));
    }
}

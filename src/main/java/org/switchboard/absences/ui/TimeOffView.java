package org.switchboard.absences.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.Optional;
import org.switchboard.absences.AbsenceFilter;
import org.switchboard.absences.Allotments;
import org.switchboard.absences.Balances;
import org.switchboard.absences.TimeOffRequests;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;

/**
 * "Time off": the signed-in operator's balances of this year (or the next), the request form with the team's open, tight and full
 * days, and the own requests with their status and Cancel. Meant for operators; open to every signed-in user linked
 * to an operator record (one without is told so).
 */
@Route("time-off")
@Menu(title = "menu.timeOff", order = 4.5, icon = "vaadin:airplane")
@StyleSheet("context://frontend-assets/absences.css")
@PermitAll
public class TimeOffView extends VerticalLayout implements HasDynamicTitle {

    final Div content = new Div();
    BalanceGrid balances;
    final Select<Integer> year = new Select<>();
    TimeOffForm form;
    RequestList list;
    private final TimeOffRequests requests;
    private final Balances balanceService;

    public TimeOffView(TimeOffRequests requests, Balances balanceService, Allotments allotments,
            OperatorService operators) {
        this.requests = requests;
        this.balanceService = balanceService;
        setMaxWidth("80rem");
        content.setId("time-off");
        content.setWidthFull();
        add(content);
        Optional<Operator> me = operators.mine();
        if (me.isEmpty()) {
            content.add(new Paragraph(getTranslation("timeoff.notLinked")));
            return;
        }
        Operator o = me.get();
        balances = new BalanceGrid();
        form = new TimeOffForm(requests, allotments, o.zone(), this::refresh);
        list = new RequestList(requests, false, this::refresh);
        list.setId("time-off-requests");
        list.setAllRowsVisible(true);
        int thisYear = LocalDate.now(o.zone()).getYear();
        year.setItems(thisYear, thisYear + 1);
        year.setValue(thisYear);
        year.setAriaLabel(getTranslation("timeoff.balance.year"));
        year.setWidth("7rem");
        year.setId("time-off-year");
        year.addValueChangeListener(e -> refresh());
        H3 title = new H3(getTranslation("timeoff.balance.title"));
        HorizontalLayout balanceBar = new HorizontalLayout(title, year);
        balanceBar.setAlignItems(FlexComponent.Alignment.BASELINE);
        content.add(new H2(getTranslation("timeoff.heading", o.getFirstName() + " " + o.getLastName(),
                o.getEmployeeNumber())), balanceBar, balances, form,
                new H3(getTranslation("timeoff.mine.title")), list);
        refresh();
    }

    void refresh() {
        balances.show(balanceService.mine(year.getValue()));
        list.show(requests.list(AbsenceFilter.all()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("timeoff.title");
    }
}

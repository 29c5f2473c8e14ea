package org.switchboard.operators.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.switchboard.base.ui.CrudLayout;
import org.switchboard.base.ui.EditorPanel;
import org.switchboard.base.ui.ListField;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.Grade;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.OperatorSkill;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.TimeZones;

/** Operators: a searchable, sortable grid and the edit form (team, grade, contract, skills, account). */
@Route("operators")
@Menu(title = "menu.operators", order = 10, icon = "vaadin:headset")
@RolesAllowed({Roles.ADMIN, Roles.PLANNER, Roles.MANAGER})
public class OperatorsView extends VerticalLayout implements HasDynamicTitle {

    final CrudLayout<Operator> crud;
    final ComboBox<Team> teamFilter = new ComboBox<>();
    final TextField employeeNumber = new TextField();
    final TextField firstName = new TextField();
    final TextField lastName = new TextField();
    final ComboBox<Team> team = new ComboBox<>();
    final Select<Grade> grade = new Select<>();
    final ComboBox<Contract> contract = new ComboBox<>();
    final Checkbox nightEligible = new Checkbox();
    final ComboBox<String> timeZone = new ComboBox<>();
    final ComboBox<UserAccount> account = new ComboBox<>();
    final Checkbox active = new Checkbox();
    final ListField<OperatorSkill> skills;

    public OperatorsView(OperatorService operators, TeamService teams, ContractService contracts,
            QueueService queueService, UserAccountService accounts, AuthenticationContext auth) {
        setSizeFull();
        setPadding(false);
        employeeNumber.setLabel(getTranslation("operators.employeeNumber"));
        firstName.setLabel(getTranslation("operators.firstName"));
        lastName.setLabel(getTranslation("operators.lastName"));
        team.setLabel(getTranslation("operators.team"));
        contract.setLabel(getTranslation("operators.contract"));
        nightEligible.setLabel(getTranslation("operators.nightEligible"));
        timeZone.setLabel(getTranslation("operators.timeZone"));
        account.setLabel(getTranslation("operators.account"));
        active.setLabel(getTranslation("operators.active"));
        boolean editable = auth.hasAnyRole(Roles.ADMIN, Roles.PLANNER);
        List<Team> teamList = teams.list();
        List<Contract> contractList = contracts.list();
        List<Queue> queueList = queueService.list();
        List<UserAccount> accountList = editable ? accounts.list() : List.of();
        Map<Long, String> teamNames = teamList.stream().collect(Collectors.toMap(Team::getId, Team::getName));
        Map<Long, String> contractNames = contractList.stream().collect(Collectors.toMap(Contract::getId, Contract::getName));
        Map<Long, String> queueCodes = queueList.stream().collect(Collectors.toMap(Queue::getId, Queue::getCode));
        Map<Long, String> usernames = accountList.stream().collect(Collectors.toMap(UserAccount::id, UserAccount::username));

        Grid<Operator> grid = new Grid<>(Operator.class, false);
        grid.addColumn(Operator::getEmployeeNumber).setHeader(getTranslation("operators.col.employeeNumber")).setKey("employeeNumber")
                .setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Operator::fullName).setHeader(getTranslation("operators.col.name")).setKey("name").setSortable(true)
                .setComparator(Comparator.comparing(Operator::getLastName).thenComparing(Operator::getFirstName))
                .setFlexGrow(2);
        grid.addColumn(o -> teamNames.getOrDefault(o.getTeamId(), "")).setHeader(getTranslation("operators.team")).setKey("team").setSortable(true);
        grid.addColumn(o -> gradeLabel(o.getGrade())).setHeader(getTranslation("operators.grade")).setKey("grade").setSortable(true)
                .setComparator(Comparator.comparing(Operator::getGrade));
        grid.addColumn(o -> contractNames.getOrDefault(o.getContractId(), "")).setHeader(getTranslation("operators.contract")).setKey("contract")
                .setSortable(true);
        grid.addColumn(o -> skillsLabel(o, queueCodes)).setHeader(getTranslation("operators.col.skills")).setKey("skills").setFlexGrow(2);
        grid.addColumn(o -> o.isNightEligible() ? getTranslation("common.yes") : "").setHeader(getTranslation("operators.col.nights")).setKey("nights").setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Operator::getTimeZone).setHeader(getTranslation("operators.col.timeZone")).setKey("timeZone").setSortable(true);
        if (editable) {
            grid.addColumn(o -> o.getUserId() == null ? "" : usernames.getOrDefault(o.getUserId(), ""))
                    .setHeader(getTranslation("operators.col.account")).setKey("account").setSortable(true);
        }
        grid.addColumn(o -> o.isActive() ? "" : getTranslation("operators.inactive")).setHeader(getTranslation("operators.col.status")).setKey("status").setSortable(true);

        EditorPanel<Operator> editor = new EditorPanel<>(Operator.class, operators::save, Operator::getId)
                .withTitle(o -> o.getId() == null ? getTranslation("operators.new") : o.getEmployeeNumber() + " " + o.fullName())
                .withDelete(o -> operators.delete(o.getId()));
        grade.setLabel(getTranslation("operators.grade"));
        grade.setItems(Grade.values());
        grade.setItemLabelGenerator(this::gradeLabel);
        team.setItems(teamList);
        team.setItemLabelGenerator(Team::getName);
        contract.setItems(contractList);
        contract.setItemLabelGenerator(Contract::getName);
        timeZone.setItems(TimeZones.regionIds());
        account.setItems(accountList);
        account.setItemLabelGenerator(UserAccount::label);
        account.setClearButtonVisible(true);
        account.setHelperText(getTranslation("operators.account.helper"));
        skills = new ListField<>(getTranslation("operators.skills"), getTranslation("operators.addSkill"),
                (value, changed) -> skillRow(value, changed, queueList, getTranslation("operators.queue"),
                        getTranslation("operators.proficiency")));

        var binder = editor.binder();
        binder.bind(employeeNumber, "employeeNumber");
        binder.bind(firstName, "firstName");
        binder.bind(lastName, "lastName");
        binder.forField(team).withConverter(byId(teamList, Team::getId)).bind("teamId");
        binder.bind(grade, "grade");
        binder.forField(contract).withConverter(byId(contractList, Contract::getId)).bind("contractId");
        binder.bind(nightEligible, "nightEligible");
        binder.bind(timeZone, "timeZone");
        binder.forField(account).withConverter(byId(accountList, UserAccount::id)).bind("userId");
        binder.bind(active, "active");
        binder.bind(skills, "skills");
        editor.form().add(employeeNumber, firstName, lastName, team, grade, contract, timeZone, account,
                nightEligible, active);
        editor.form().add(skills, 2);

        crud = new CrudLayout<>(grid, editor, operators::list,
                o -> String.join(" ", o.getEmployeeNumber(), o.getFirstName(), o.getLastName(),
                        teamNames.getOrDefault(o.getTeamId(), ""), skillsLabel(o, queueCodes)),
                getTranslation("operators.new"), () -> newOperator(teamFilter.getValue()), o -> operators.get(o.getId()));
        teamFilter.setPlaceholder(getTranslation("operators.allTeams"));
        teamFilter.setItems(teamList);
        teamFilter.setItemLabelGenerator(Team::getName);
        teamFilter.setClearButtonVisible(true);
        teamFilter.addValueChangeListener(e -> crud.setExtraFilter(
                o -> e.getValue() == null || e.getValue().getId().equals(o.getTeamId())));
        crud.addToToolbar(teamFilter);
        crud.setEditable(editable);
        add(crud);
    }

    /** A grade in the reader's language. */
    String gradeLabel(Grade grade) {
        return grade == null ? "" : getTranslation("operators.grade." + grade.name());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.operators");
    }

    private static Operator newOperator(Team team) {
        Operator o = new Operator();
        if (team != null) {
            o.setTeamId(team.getId());
        }
        return o;
    }

    static String skillsLabel(Operator o, Map<Long, String> queueCodes) {
        return o.getSkills().stream()
                .map(s -> queueCodes.getOrDefault(s.queueId(), "?") + " " + s.proficiency())
                .collect(Collectors.joining(", "));
    }

    /** Binds a combo box of records to the id property of the edited bean. */
    static <T> Converter<T, Long> byId(List<T> items, Function<T, Long> idOf) {
        return Converter.from(
                item -> Result.ok(item == null ? null : idOf.apply(item)),
                id -> id == null ? null : items.stream().filter(i -> Objects.equals(idOf.apply(i), id)).findFirst().orElse(null));
    }

    private static ListField.Row<OperatorSkill> skillRow(OperatorSkill value, Runnable changed, List<Queue> queues,
            String queueLabel, String proficiencyLabel) {
        ComboBox<Queue> queue = new ComboBox<>();
        queue.setItems(queues);
        queue.setItemLabelGenerator(q -> q.getCode() + " " + q.getName());
        queue.setAriaLabel(queueLabel);
        queue.setWidth("14rem");
        IntegerField proficiency = new IntegerField();
        proficiency.setMin(OperatorSkill.MIN_PROFICIENCY);
        proficiency.setMax(OperatorSkill.MAX_PROFICIENCY);
        proficiency.setStepButtonsVisible(true);
        proficiency.setAriaLabel(proficiencyLabel);
        proficiency.setWidth("7rem");
        if (value != null) {
            queues.stream().filter(q -> q.getId().equals(value.queueId())).findFirst().ifPresent(queue::setValue);
            proficiency.setValue(value.proficiency());
        } else {
            proficiency.setValue(3);
        }
        queue.addValueChangeListener(e -> changed.run());
        proficiency.addValueChangeListener(e -> changed.run());
        return new ListField.Row<>() {
            @Override
            public Component[] components() {
                return new Component[] {queue, proficiency};
            }

            @Override
            public OperatorSkill value() {
                return new OperatorSkill(queue.getValue() == null ? null : queue.getValue().getId(), proficiency.getValue());
            }
        };
    }
}

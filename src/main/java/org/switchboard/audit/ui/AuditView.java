package org.switchboard.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.switchboard.audit.AuditEntry;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditPage;
import org.switchboard.audit.AuditQuery;
import org.switchboard.audit.AuditTimes;
import org.switchboard.audit.AuditTrail;
import org.switchboard.base.ui.DatePickers;
import org.switchboard.base.ui.Languages;
import org.switchboard.shared.Roles;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Audit trail": every recorded change, newest first, filtered by dates (days in the server's time zone), user (what
 * they did and what was done to their account) and kinds; a page at a time. A row opens to show the state before and
 * after and the facts. Managers and admins.
 */
@Route("audit")
@Menu(title = "menu.audit", order = 95, icon = "vaadin:records")
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class AuditView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 50;
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final TextField user = new TextField();
    final MultiSelectComboBox<AuditKind> kinds = new MultiSelectComboBox<>();
    final Grid<AuditEntry> grid = new Grid<>();
    final Button newer = new Button();
    final Button older = new Button();
    final Span pageInfo = new Span();
    final Span total = new Span();
    private final AuditTrail trail;
    private final ZoneId zone = ZoneId.systemDefault();
    private final Locale locale;
    private final DateTimeFormatter time;
    int page;
    AuditPage shown;

    public AuditView(AuditTrail trail) {
        this.trail = trail;
        this.locale = Languages.of(this);
        this.time = Languages.dateTime(locale).withZone(zone);
        setSizeFull();
        from.setLabel(getTranslation("audit.filter.from"));
        from.setId("audit-from");
        to.setLabel(getTranslation("audit.filter.to"));
        to.setId("audit-to");
        DatePickers.localize(from, locale);
        DatePickers.localize(to, locale);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        user.setLabel(getTranslation("audit.filter.user"));
        user.setPlaceholder(getTranslation("audit.filter.userHint"));
        user.setClearButtonVisible(true);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        user.setId("audit-user");
        kinds.setLabel(getTranslation("audit.filter.kind"));
        kinds.setPlaceholder(getTranslation("audit.filter.allKinds"));
        kinds.setItems(Arrays.stream(AuditKind.values())
                .sorted(Comparator.comparing(this::kindName)).toList());
        kinds.setItemLabelGenerator(this::kindName);
        kinds.setClearButtonVisible(true);
        kinds.setWidth("22rem");
        kinds.setId("audit-kinds");
        from.addValueChangeListener(e -> {
            to.setMin(e.getValue());
            reload();
        });
        to.addValueChangeListener(e -> {
            from.setMax(e.getValue());
            reload();
        });
        to.setErrorMessage(getTranslation("audit.error.toBeforeFrom"));
        user.addValueChangeListener(e -> reload());
        kinds.addValueChangeListener(e -> reload());
        Span zoneInfo = new Span(getTranslation("audit.zone", zone.getDisplayName(TextStyle.SHORT, locale)));
        zoneInfo.getStyle().set("color", "var(--lumo-secondary-text-color)");
        HorizontalLayout filters = new HorizontalLayout(from, to, user, kinds, zoneInfo);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> time.format(e.at())).setHeader(getTranslation("audit.column.at")).setKey("at").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(this::actor).setHeader(getTranslation("audit.column.actor")).setKey("actor").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> kindName(e.kind())).setHeader(getTranslation("audit.column.kind")).setKey("kind").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(this::subject).setHeader(getTranslation("audit.column.subject")).setKey("subject").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> e.text(locale)).setHeader(getTranslation("audit.column.text")).setKey("text").setFlexGrow(1);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::details));
        grid.setEmptyStateText(getTranslation("audit.empty"));

        newer.setText(getTranslation("audit.previous"));
        newer.setId("audit-newer");
        newer.addThemeVariants(ButtonVariant.TERTIARY);
        newer.addClickListener(e -> show(page - 1));
        older.setText(getTranslation("audit.next"));
        older.setId("audit-older");
        older.addThemeVariants(ButtonVariant.TERTIARY);
        older.addClickListener(e -> show(page + 1));
        total.setId("audit-total");
        HorizontalLayout paging = new HorizontalLayout(newer, pageInfo, older, total);
        paging.setAlignItems(FlexComponent.Alignment.CENTER);
        add(filters, grid, paging);
        setFlexGrow(1, grid);
        reload();
    }

    /** The filters as they stand. */
    AuditQuery query() {
        return new AuditQuery(AuditTimes.startOf(from.getValue(), zone), AuditTimes.endOf(to.getValue(), zone),
                user.getValue(), kinds.getValue(), 0, PAGE);
    }

    /** Shows the first page of what the filters let through. */
    void reload() {
        show(0);
    }

    void show(int wanted) {
        page = Math.max(0, wanted);
        boolean reversed = from.getValue() != null && to.getValue() != null && to.getValue().isBefore(from.getValue());
        to.setInvalid(reversed);
        shown = reversed ? new AuditPage(List.of(), 0, PAGE, 0) : trail.find(query().page(page, PAGE));
        grid.setItems(shown.entries());
        long pages = Math.max(1, (shown.total() + PAGE - 1) / PAGE);
        pageInfo.setText(getTranslation("audit.page", page + 1, pages));
        total.setText(getTranslation("audit.total", shown.total()));
        newer.setEnabled(page > 0);
        older.setEnabled((long) (page + 1) * PAGE < shown.total());
    }

    private String kindName(AuditKind kind) {
        return getTranslation("audit.kind." + kind.name());
    }

    private String actor(AuditEntry e) {
        return e.bySystem() ? getTranslation("audit.actor.system") : e.actor();
    }

    private String subject(AuditEntry e) {
        String key = "audit.subject." + e.subjectType();
        String type = org.switchboard.shared.Texts.has(key) ? getTranslation(key) : e.subjectType();
        return type + " " + e.subjectId();
    }

    /** Before, after and the facts as JSON. */
    private Div details(AuditEntry e) {
        Div box = new Div();
        box.addClassName("audit-details");
        for (Map.Entry<String, Map<String, Object>> part : List.of(
                Map.entry(getTranslation("audit.before"), nullable(e.before())),
                Map.entry(getTranslation("audit.after"), nullable(e.after())),
                Map.entry(getTranslation("audit.facts"), nullable(e.facts())))) {
            if (part.getValue().isEmpty()) {
                continue;
            }
            Span title = new Span(part.getKey());
            title.getStyle().set("font-weight", "600");
            Pre json = new Pre(PRETTY.writeValueAsString(part.getValue()));
            json.getStyle().set("margin", "0 0 var(--lumo-space-s) 0").set("white-space", "pre-wrap")
                    .set("font-size", "var(--lumo-font-size-s)");
            box.add(title, json);
        }
        return box;
    }

    private static Map<String, Object> nullable(Map<String, Object> m) {
        return m == null ? Map.of() : m;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}

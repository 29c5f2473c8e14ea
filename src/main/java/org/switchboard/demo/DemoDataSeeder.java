package org.switchboard.demo;

import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.base.DemoMode;
import org.switchboard.demand.Direction;
import org.switchboard.demand.OpeningHours;
import org.switchboard.demand.Queue;
import org.switchboard.demand.QueueService;
import org.switchboard.demand.forecast.ForecastService;
import org.switchboard.demand.history.HistoryImportService;
import org.switchboard.demand.staffing.RequirementService;
import org.switchboard.operators.AvailabilityService;
import org.switchboard.operators.Contract;
import org.switchboard.operators.ContractService;
import org.switchboard.operators.Grade;
import org.switchboard.operators.Operator;
import org.switchboard.operators.OperatorService;
import org.switchboard.operators.OperatorSkill;
import org.switchboard.operators.Team;
import org.switchboard.operators.TeamService;
import org.switchboard.operators.WishPeriods;
import org.switchboard.operators.WishService;
import org.switchboard.rostering.ShiftBreak;
import org.switchboard.rostering.ShiftTemplate;
import org.switchboard.rostering.ShiftTemplateService;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.SystemAuthentication;

/**
 * In demo mode, fills an empty database with a bank's call center in Moscow: four queues (a Russian-language
 * general line, billing, English technical support, outbound surveys), four teams with 64 operators, full-time,
 * part-time and night contracts, day / evening / night shift templates, eight weeks of generated call history
 * with a six-week forecast and its staffing requirements (see {@link DemoDemand}), and one login per role. Runs once:
 * a database that already has users is left alone, so edits survive restarts.
 */
@Component
@Conditional(DemoMode.On.class)
@Order(0)
class DemoDataSeeder implements ApplicationRunner {

    static final String PASSWORD = "switchboard";
    static final String ZONE = "Europe/Moscow";
    /**
     * Logins for two colleagues of E1001 (Aurora, the same queues: general line and billing), so that requests, swaps
     * and substitutions can be tried between people.
     */
    static final java.util.Map<Integer, String> COLLEAGUE_LOGINS = java.util.Map.of(1003, "operator2", 1005, "operator3");
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private static final String[] MALE_FIRST = {"Alexei", "Dmitry", "Sergei", "Ivan", "Mikhail", "Andrei", "Pavel",
        "Nikolai", "Artem", "Roman", "Oleg", "Yuri", "Maxim", "Kirill", "Denis", "Viktor"};
    private static final String[] FEMALE_FIRST = {"Anna", "Maria", "Elena", "Olga", "Natalia", "Tatiana", "Irina",
        "Svetlana", "Ekaterina", "Yulia", "Daria", "Polina", "Ksenia", "Anastasia", "Vera", "Alina"};
    private static final String[] LAST = {"Ivanov", "Smirnov", "Kuznetsov", "Popov", "Vasiliev", "Petrov",
        "Sokolov", "Mikhailov", "Novikov", "Fedorov", "Morozov", "Volkov", "Alekseev", "Lebedev", "Semenov",
        "Egorov", "Pavlov", "Kozlov", "Stepanov", "Nikolaev", "Orlov", "Andreev", "Makarov", "Nikitin",
        "Zakharov", "Zaitsev", "Soloviev", "Borisov", "Yakovlev", "Grigoriev", "Romanov", "Vorobiev"};

    private final UserAccountService accounts;
    private final QueueService queues;
    private final TeamService teams;
    private final ContractService contracts;
    private final OperatorService operators;
    private final ShiftTemplateService templates;
    private final TransactionTemplate tx;
    private final HistoryImportService imports;
    private final ForecastService forecasts;
    private final RequirementService requirements;
    private final Clock clock;
    private final AvailabilityService availability;
    private final WishService wishes;
    private final WishPeriods wishPeriods;

    DemoDataSeeder(UserAccountService accounts, QueueService queues, TeamService teams, ContractService contracts,
            OperatorService operators, ShiftTemplateService templates, TransactionTemplate tx,
            HistoryImportService imports, ForecastService forecasts, RequirementService requirements,
            java.util.Optional<Clock> clock, AvailabilityService availability, WishService wishes,
            WishPeriods wishPeriods) {
        this.availability = availability;
        this.wishes = wishes;
        this.wishPeriods = wishPeriods;
        this.imports = imports;
        this.forecasts = forecasts;
        this.requirements = requirements;
        this.clock = clock.orElse(Clock.systemUTC());
        this.accounts = accounts;
        this.queues = queues;
        this.teams = teams;
        this.contracts = contracts;
        this.operators = operators;
        this.templates = templates;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyUserExists()) {
            return;
        }
        SystemAuthentication.runAsSystem(() -> tx.executeWithoutResult(s -> seed()));
        log.info("Demo data created: sign in as planner, manager, operator (also operator2, operator3) or admin with password '{}'", PASSWORD);
    }

    void seed() {
        UserAccount admin = accounts.createWithPassword("admin", "Alexandra Admin", Set.of(Roles.ADMIN), PASSWORD, false);
        accounts.createWithPassword("planner", "Pavel Planner", Set.of(Roles.PLANNER), PASSWORD, false);
        accounts.createWithPassword("manager", "Marina Manager", Set.of(Roles.MANAGER), PASSWORD, false);
        UserAccount operatorLogin = accounts.createWithPassword("operator", "Anna Ivanova", Set.of(Roles.OPERATOR), PASSWORD, false);

        Queue general = queues.save(queue("RU-GEN", "General line (Russian)", Direction.INBOUND, "ru", 80, 20, 85, 32,
                hours(1, 7, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        Queue billing = queues.save(queue("BILL", "Billing and cards", Direction.INBOUND, "ru", 80, 30, 88, 30,
                concat(hours(1, 5, LocalTime.of(8, 0), LocalTime.of(22, 0)), hours(6, 7, LocalTime.of(9, 0), LocalTime.of(18, 0)))));
        Queue tech = queues.save(queue("EN-TECH", "Technical support (English)", Direction.INBOUND, "en", 90, 60, 85, 30,
                hours(1, 5, LocalTime.of(8, 0), LocalTime.of(20, 0))));
        Queue survey = queues.save(queue("OUT-SURV", "Customer surveys (outbound)", Direction.OUTBOUND, "ru", 80, 20, 90, 25,
                hours(1, 5, LocalTime.of(10, 0), LocalTime.of(20, 0))));

        // each team's usual kind, weighted: a planner sees the teams on their shifts, and a day team still takes an
        // evening when the demand needs it more than the team's habit
        List<Team> teamList = List.of(teams.save(team("Aurora (day)", "DAY")), teams.save(team("Borealis (day)", "DAY")),
                teams.save(team("Comet (evening)", "EVENING")), teams.save(team("Owls (night)", "NIGHT")));

        // the last figure: overtime per week a substitution may use on top of the maximum (rosters plan within it)
        Contract fullTime = contracts.save(contract("Full time 40 h", 2160, 2400, 5, 2, 11 * 60, 0, 48 * 60, 2, 8 * 60));
        Contract partTime20 = contracts.save(contract("Part time 20 h", 1080, 1200, 5, 2, 11 * 60, 0, 48 * 60, 2, 10 * 60));
        Contract partTime30 = contracts.save(contract("Part time 30 h", 1680, 1800, 5, 2, 11 * 60, 0, 48 * 60, 2, 8 * 60));
        Contract night = contracts.save(contract("Night 36 h", 1920, 2160, 4, 2, 12 * 60, 4, 48 * 60, 2, 4 * 60));
        Contract flexible = contracts.save(contract("Full time 40 h, nights allowed", 2160, 2400, 5, 2, 11 * 60, 3, 48 * 60, 2,
                8 * 60));

        seedTemplates(List.of(fullTime.getId(), flexible.getId(), night.getId(), partTime30.getId()),
                List.of(partTime20.getId(), partTime30.getId()));
        DemoDemand.seed(imports, forecasts, requirements, clock, survey,
                new DemoDemand.Shape(general, 55, 210), new DemoDemand.Shape(billing, 35, 250),
                new DemoDemand.Shape(tech, 10, 420));

        Random random = new Random(1999);
        int number = 1001;
        for (int t = 0; t < teamList.size(); t++) {
            Team team = teamList.get(t);
            for (int i = 0; i < 16; i++, number++) {
                Operator o = new Operator();
                boolean female = random.nextBoolean() || number == 1001;
                o.setEmployeeNumber("E" + number);
                o.setFirstName(number == 1001 ? "Anna" : pick(random, female ? FEMALE_FIRST : MALE_FIRST));
                String last = number == 1001 ? "Ivanov" : pick(random, LAST);
                o.setLastName(female ? feminine(last) : last);
                o.setTeamId(team.getId());
                o.setTimeZone(ZONE);
                o.setGrade(i == 0 ? Grade.LEAD : i < 4 ? Grade.SENIOR : i < 12 ? Grade.REGULAR : i < 15 ? Grade.JUNIOR : Grade.TRAINEE);
                Contract c;
                if (t == 3) {
                    c = i < 12 ? night : flexible;
                } else if (t == 2) {
                    c = i < 8 ? fullTime : i < 12 ? partTime30 : i < 14 ? partTime20 : flexible;
                } else {
                    c = i < 11 ? fullTime : i < 14 ? partTime30 : partTime20;
                }
                o.setContractId(c.getId());
                o.setNightEligible(c.allowsNights());
                o.setSkills(skills(random, t, i, general, billing, tech, survey));
                if (number == 1001) {
                    o.setUserId(operatorLogin.id());
                } else if (COLLEAGUE_LOGINS.containsKey(number)) {
                    o.setUserId(accounts.createWithPassword(COLLEAGUE_LOGINS.get(number), o.getFirstName() + " "
                            + o.getLastName(), Set.of(Roles.OPERATOR), PASSWORD, false).id());
                }
                operators.save(o);
            }
        }
        DemoAvailability.seed(availability, wishes, wishPeriods, clock, java.time.ZoneId.of(ZONE));
        log.debug("Seeded by {}", admin.username());
    }

    /**
     * Day and evening shifts with start windows (one template each instead of one per start) and a meal hour that
     * floats between 3 and 5 hours after the start, so the roster staggers starts to the demand curve and breaks
     * to where coverage can spare them; part-time shifts with start windows; one fixed night shift whose two short
     * breaks float by an hour each, so two night operators on a queue need not go at the same time.
     *
     * <p>As work plans in a real center: the 4-hour shifts are for the part-time contracts, the full days for the
     * full-time ones and the 30-hour part-timers (who could not reach their 28 hours in five 4-hour days); the night
     * is everyone's whom the contract and eligibility allow nights.
     */
    private void seedTemplates(List<Long> fullDays, List<Long> partTime) {
        templates.save(limited(window(template("D07", "Day", LocalTime.of(7, 0), 9 * 60,
                new ShiftBreak(180, 60, false, 300)), LocalTime.of(10, 0), 60), fullDays));
        templates.save(limited(window(template("P08", "Morning part-time", LocalTime.of(8, 0), 4 * 60),
                LocalTime.of(10, 0), 60), partTime));
        templates.save(limited(window(template("E12", "Evening", LocalTime.of(12, 0), 9 * 60,
                new ShiftBreak(180, 60, false, 300)), LocalTime.of(15, 0), 60), fullDays));
        templates.save(limited(window(template("P18", "Evening part-time", LocalTime.of(18, 0), 4 * 60),
                LocalTime.of(20, 0), 60), partTime));
        templates.save(template("N22", "Night", LocalTime.of(22, 0), 9 * 60,
                new ShiftBreak(150, 30, false, 210), new ShiftBreak(330, 30, false, 390)));
    }

    private static ShiftTemplate limited(ShiftTemplate t, List<Long> contractIds) {
        t.setContractIds(contractIds);
        return t;
    }

    private static Team team(String name, String usualKind) {
        Team t = new Team(name);
        t.setUsualShiftKinds(Set.of(usualKind));
        return t;
    }

    private static ShiftTemplate window(ShiftTemplate t, LocalTime latestStart, int stepMinutes) {
        t.setLatestStartTime(latestStart);
        t.setStartStepMinutes(stepMinutes);
        return t;
    }

    private static List<OperatorSkill> skills(Random random, int team, int index, Queue general, Queue billing,
            Queue tech, Queue survey) {
        List<OperatorSkill> list = new ArrayList<>();
        int level = 2 + random.nextInt(4);
        list.add(new OperatorSkill(general.getId(), level));
        if (team != 3 && index % 2 == 0) {
            list.add(new OperatorSkill(billing.getId(), 1 + random.nextInt(5)));
        }
        if (index % 5 == 1 || (team == 3 && index % 4 == 0)) {
            list.add(new OperatorSkill(tech.getId(), 2 + random.nextInt(4)));
        }
        // outbound surveys run 10:00-20:00 on weekdays, a day team's hours: a quarter of each day team calls too
        // (with the evening team's six alone, the surveys were a third staffed and the evening team worked days)
        if (team == 2 && index % 3 == 0 || team < 2 && index % 4 == 3) {
            list.add(new OperatorSkill(survey.getId(), 3));
        }
        return list;
    }

    private static Queue queue(String code, String name, Direction direction, String language, double sl, int within,
            double occupancy, double shrinkage, List<OpeningHours> hours) {
        Queue q = new Queue();
        q.setCode(code);
        q.setName(name);
        q.setDirection(direction);
        q.setLanguage(language);
        q.setTimeZone(ZONE);
        q.setServiceLevelPercent(sl);
        q.setAnswerWithinSeconds(within);
        q.setMaxOccupancyPercent(occupancy);
        q.setShrinkagePercent(shrinkage);
        q.setOpeningHours(hours);
        return q;
    }

    private static List<OpeningHours> hours(int fromDay, int toDay, LocalTime opens, LocalTime closes) {
        return IntStream.rangeClosed(fromDay, toDay).mapToObj(d -> new OpeningHours(d, opens, closes)).toList();
    }

    private static List<OpeningHours> concat(List<OpeningHours> a, List<OpeningHours> b) {
        List<OpeningHours> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Contract contract(String name, int minWeek, int maxWeek, int maxDays, int minOff, int rest,
            int maxNights, int restAfterNights, int weekends, int overtime) {
        Contract c = new Contract(name);
        c.setMinMinutesPerWeek(minWeek);
        c.setMaxMinutesPerWeek(maxWeek);
        c.setMaxConsecutiveDays(maxDays);
        c.setMinConsecutiveDaysOff(minOff);
        c.setMinRestMinutes(rest);
        c.setMaxNightsInRow(maxNights);
        c.setMinRestAfterNightsMinutes(restAfterNights);
        c.setMaxWeekendsPerPeriod(weekends);
        c.setMaxOvertimeMinutesPerWeek(overtime);
        return c;
    }

    private static ShiftTemplate template(String code, String name, LocalTime start, int minutes, ShiftBreak... breaks) {
        ShiftTemplate t = new ShiftTemplate();
        t.setCode(code);
        t.setName(name);
        t.setStartTime(start);
        t.setLengthMinutes(minutes);
        t.setBreaks(List.of(breaks));
        return t;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Russian surnames take -a in the feminine: Ivanov → Ivanova, Zaitsev → Zaitseva. */
    static String feminine(String last) {
        return last + "a";
    }
}

package org.switchboard.rostering;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.demand.QueueService;

/**
 * The published schedule of one person, for other modules (module schedule: an operator's own shifts and calendar
 * feed): per date the shift of the most recently published roster that plans that day (see
 * {@link RosterStore#published}). No role check of its own: the callers decide who may read whose shifts (it
 * needs a signed-in caller only for the queue names, which module demand hands to any signed-in user).
 */
@Service
public class PublishedSchedule {

    private final RosterStore store;
    private final ShiftTemplateRepository templates;
    private final ShiftKindRules kinds;
    private final QueueService queues;

    PublishedSchedule(RosterStore store, ShiftTemplateRepository templates, ShiftTemplateService templateService,
            QueueService queues) {
        this.store = store;
        this.templates = templates;
        this.kinds = templateService.rules();
        this.queues = queues;
    }

    /** An unpaid break [start, end). */
    public record Break(Instant start, Instant end) {
    }

    /**
     * One published shift.
     *
     * @param date the site's date the shift starts on
     * @param queueCode null for a shift without a queue
     * @param breaks in time order
     */
    public record PublishedShift(LocalDate date, Instant start, Instant end, String templateCode, String templateName,
            String queueCode, String queueName, List<Break> breaks, int paidMinutes) {

        public PublishedShift {
            breaks = breaks == null ? List.of() : List.copyOf(breaks);
        }

        /** The longest break (the meal break), or null without breaks. */
        public Break mainBreak() {
            return breaks.stream().max(Comparator.comparing(b -> Duration.between(b.start(), b.end()))).orElse(null);
        }
    }

    /** The operator's published shifts with a date in [from, to] (both inclusive), by date; days off are left out. */
    @Transactional(readOnly = true)
    public List<PublishedShift> shifts(long operatorId, LocalDate from, LocalDate to) {
        Map<LocalDate, Optional<StoredShift>> days = store.published(List.of(operatorId), from, to.plusDays(1))
                .getOrDefault(operatorId, Map.of());
        if (days.isEmpty()) {
            return List.of();
        }
        Map<String, String> templateNames = new HashMap<>();
        templates.findAll().forEach(t -> templateNames.put(t.getCode(), t.getName()));
        Map<Long, String> queueLabels = queues.labels();
        List<PublishedShift> out = new ArrayList<>();
        days.values().stream().flatMap(Optional::stream).sorted(Comparator.comparing(StoredShift::date)).forEach(s -> {
            String label = s.queueId() == null ? null : queueLabels.get(s.queueId());
            String code = label == null ? null : label.contains(" ") ? label.substring(0, label.indexOf(' ')) : label;
            String name = label == null || !label.contains(" ") ? null : label.substring(label.indexOf(' ') + 1);
            List<Break> breaks = s.breaks().stream().sorted(Comparator.comparing(StoredShift.Span::start))
                    .map(b -> new Break(b.start(), b.end())).toList();
            out.add(new PublishedShift(s.date(), s.start(), s.end(), s.templateCode(),
                    templateNames.getOrDefault(s.templateCode(), s.templateCode()), code, name, breaks, s.paidMinutes()));
        });
        return out;
    }

    /** Day, evening or night, by the shift's wall-clock start and length in the given zone (the site's rules). */
    public ShiftKind kindOf(PublishedShift shift, ZoneId zone) {
        return kinds.kindOf(shift.start().atZone(zone).toLocalTime(), Duration.between(shift.start(), shift.end()));
    }
}

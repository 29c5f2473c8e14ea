package org.switchboard.demand;

import jakarta.validation.Validator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.TimeZones;
import org.switchboard.shared.Violations;

/** Keeps the queues (skills). Planners and admins change them; managers read them. */
@Service
@Transactional
public class QueueService {

    private final QueueRepository queues;
    private final Validator validator;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final AuditTrail audit;

    QueueService(QueueRepository queues, Validator validator, org.springframework.context.ApplicationEventPublisher events,
            AuditTrail audit) {
        this.audit = audit;
        this.queues = queues;
        this.validator = validator;
        this.events = events;
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<Queue> list() {
        return queues.findAllByOrderByCode();
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public Queue get(long id) {
        return queues.findById(id).orElseThrow(() -> new NotFoundException("Queue", id));
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public Optional<Queue> findByCode(String code) {
        return queues.findByCode(code);
    }

    /** "CODE Name" of every queue by id: what any signed-in user (an operator too) may know of queues. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> labels() {
        java.util.Map<Long, String> labels = new java.util.LinkedHashMap<>();
        queues.findAllByOrderByCode().forEach(q -> labels.put(q.getId(), q.getCode() + " " + q.getName()));
        return labels;
    }

    /**
     * The site's time zone: the zone most queues are in (active ones first; the demo's Europe/Moscow), the server's
     * when there are no queues. Screens show times that belong to no queue (e.g. when a file was imported) in it.
     */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public java.time.ZoneId siteZone() {
        java.util.Map<String, Integer> count = new java.util.TreeMap<>();
        for (Queue q : queues.findAllByOrderByCode()) {
            if (TimeZones.isValid(q.getTimeZone())) {
                count.merge(q.getTimeZone(), q.isActive() ? 1000 : 1, Integer::sum);
            }
        }
        return count.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                .map(e -> java.time.ZoneId.of(e.getKey())).orElse(java.time.ZoneId.systemDefault());
    }

    /** Whether every id names an existing queue. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public boolean allExist(Set<Long> ids) {
        return ids.isEmpty() || queues.countExisting(ids) == ids.size();
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public Queue save(Queue queue) {
        Violations v = Violations.of(validator, queue);
        v.conflict(!v.has("code") && queues.findByCode(queue.getCode())
                        .filter(other -> !other.getId().equals(queue.getId())).isPresent(),
                "code", Text.of("error.queue.code.taken"));
        v.check(!v.has("timeZone") && !TimeZones.isValid(queue.getTimeZone()), "timeZone", Text.of("error.common.unknownTimeZone"));
        Set<Integer> days = new HashSet<>();
        for (var hours : queue.getOpeningHours()) {
            if (!hours.isComplete()) {
                v.check(true, "openingHours", Text.of("error.queue.hours.incomplete"));
                continue;
            }
            v.check(!hours.isValid(), "openingHours",
                    Text.of("error.queue.hours.order", hours.day()));
            v.check(!days.add(hours.dayOfWeek()), "openingHours", Text.of("error.queue.hours.twice", hours.day()));
        }
        v.check(queue.getServiceLevelPercent() != null && queue.getServiceLevelPercent() >= 100, "serviceLevelPercent",
                Text.of("error.queue.serviceLevel.unreachable"));
        v.check(queue.getPatienceSeconds() != null && queue.getAbandonTargetPercent() != null
                        && queue.getAbandonTargetPercent() <= 0, "abandonTargetPercent",
                Text.of("error.queue.abandon.positive"));
        v.check(queue.isActive() && queue.getDirection() == Direction.INBOUND && queue.getOpeningHours().isEmpty(),
                "openingHours", Text.of("error.queue.hours.required"));
        v.throwIfAny();
        Queue before = queue.getId() == null ? null : queues.findById(queue.getId()).orElse(null);
        boolean changed = before == null || !before.sameTargets(queue);
        Queue saved = queues.save(queue);
        audit.record(AuditKind.QUEUE_CHANGED, "queue", saved.getId(), before, saved,
                AuditTrail.facts("label", saved.getCode() + " " + saved.getName()));
        if (changed) {
            events.publishEvent(new QueueTargetsChanged(saved.getId()));
        }
        return saved;
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    public void delete(long id) {
        queues.findById(id).ifPresent(q -> audit.record(AuditKind.QUEUE_CHANGED, "queue", id, q, null,
                AuditTrail.facts("label", q.getCode() + " " + q.getName())));
        queues.deleteById(id);
    }
}

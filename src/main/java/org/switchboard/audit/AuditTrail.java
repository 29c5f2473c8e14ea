package org.switchboard.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit trail: every module records its changes that matter here, in the changing transaction (an entry is written
 * exactly when the change commits), and managers and admins read them.
 *
 * <p>Who made a change is the signed-in user's name, read through the security-context strategy method security uses;
 * work running as the system ({@code SystemAuthentication}) and work with nobody signed in is recorded as
 * {@value #SYSTEM}, and so are decisions a service takes automatically while a user is signed in
 * ({@link #recordBySystem}). The state before and after (any object: an entity, a record, a map) is kept as JSON
 * objects; a value that is not an object is kept as {@code {"value": ...}}.
 */
@Service
public class AuditTrail {

    /** The actor of automatic work. */
    public static final String SYSTEM = "system";
    /** The most entries one page holds. */
    public static final int MAX_SIZE = 500;
    /** Entries per page unless told. */
    public static final int DEFAULT_SIZE = 50;
    /** Who reads the trail. */
    static final String READ = "hasAnyRole('ADMIN','MANAGER')";

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_ACTOR = 100;
    private static final int MAX_ID = 100;

    private final AuditStore store;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;
    private final Clock clock;

    AuditTrail(AuditStore store, ObjectProvider<SecurityContextHolderStrategy> strategy, Optional<Clock> clock) {
        this.store = store;
        this.strategy = strategy;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Records a change made by the signed-in user (the system when nobody is), inside the caller's transaction.
     *
     * @param subjectId the changed thing's id (any object; its text is stored)
     * @param before its state before (null: it was created), any object that serialises to JSON
     * @param after its state after (null: it was deleted)
     * @param facts what the sentence needs (names, dates, figures); null values are left out
     * @throws org.springframework.transaction.IllegalTransactionStateException when called outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditKind kind, String subjectType, Object subjectId, Object before, Object after,
            Map<String, ?> facts) {
        write(actor(), kind, subjectType, subjectId, before, after, facts);
    }

    /** Records a decision the system took on its own (an automatic approval), inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordBySystem(AuditKind kind, String subjectType, Object subjectId, Object before, Object after,
            Map<String, ?> facts) {
        write(SYSTEM, kind, subjectType, subjectId, before, after, facts);
    }

    /**
     * Records, in a transaction of its own, what happens outside any change's transaction: a refused sign-in. The
     * actor is the signed-in user (usually nobody: the system).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordOnItsOwn(AuditKind kind, String subjectType, Object subjectId, Object before, Object after,
            Map<String, ?> facts) {
        write(actor(), kind, subjectType, subjectId, before, after, facts);
    }

    /**
     * A page of entries, newest first. Managers and admins.
     *
     * @throws ValidationFailedException for a page below 0, a size outside 1 to {@link #MAX_SIZE}, or {@code from}
     *         after {@code to}
     */
    @PreAuthorize(READ)
    @Transactional(readOnly = true)
    public AuditPage find(AuditQuery query) {
        AuditQuery q = query == null ? AuditQuery.all() : query;
        if (q.page() < 0) {
            throw ValidationFailedException.of("page", Text.of("audit.error.page"));
        }
        if (q.size() < 1 || q.size() > MAX_SIZE) {
            throw ValidationFailedException.of("size", Text.of("audit.error.size", MAX_SIZE));
        }
        if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
            throw ValidationFailedException.of("to", Text.of("audit.error.toBeforeFrom"));
        }
        return new AuditPage(store.find(q), q.page(), q.size(), store.count(q));
    }

    /** Facts from keys and values in turn; null values are left out. */
    public static Map<String, Object> facts(Object... keysAndValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                facts.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
            }
        }
        return facts;
    }

    private void write(String actor, AuditKind kind, String subjectType, Object subjectId, Object before, Object after,
            Map<String, ?> facts) {
        store.insert(clock.instant(), cut(actor, MAX_ACTOR), kind, subjectType, cut(String.valueOf(subjectId), MAX_ID),
                json(before), json(after), facts == null ? "{}" : json(facts(facts)));
    }

    /** The signed-in user's name; the system for nobody (or an anonymous visitor). */
    private String actor() {
        Authentication auth = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy).getContext()
                .getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || auth.getName() == null) {
            return SYSTEM;
        }
        return auth.getName();
    }

    private static Map<String, Object> facts(Map<String, ?> facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        facts.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The value as a JSON object's text (null stays null). */
    static String json(Object value) {
        if (value == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.valueToTree(value);
        } catch (JacksonException e) {
            log.warn("Audit: {} kept as text ({})", value.getClass().getName(), e.getMessage());
            node = JSON.getNodeFactory().stringNode(String.valueOf(value));
        }
        if (!(node instanceof ObjectNode)) {
            ObjectNode wrapped = JSON.createObjectNode();
            wrapped.set("value", node);
            node = wrapped;
        }
        return JSON.writeValueAsString(node);
    }

    private static String cut(String s, int max) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > max ? printable.substring(0, max) : printable;
    }
}

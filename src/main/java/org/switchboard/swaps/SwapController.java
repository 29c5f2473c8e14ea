package org.switchboard.swaps;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.shared.RequestDates;
import org.switchboard.shared.Texts;

/**
 * The swaps API under {@code /api/swaps} (see README, "Shift swaps"): offering (a direct swap, a give-away, a planner's
 * open shift), the caller's trades and the offers they may take, the answers and the decisions, and the teams' trade
 * rules. The service checks the roles; refusals become problem details (400, 403, 404, 409, 422 with
 * {@code violations}) through the API's error handling.
 */
@RestController
@RequestMapping("/api/swaps")
class SwapController {

    private final Swaps swaps;
    private final SwapViews views;

    SwapController(Swaps swaps, SwapViews views) {
        this.swaps = swaps;
        this.views = views;
    }

    /**
     * The body of {@code POST /api/swaps}: the caller's shift date; a colleague and their date for a direct swap (no
     * colleague: a give-away); or, for planners, an open shift to offer.
     */
    record NewSwapBody(String date, String withEmployeeNumber, String withDate, Long openShiftId) {
    }

    record Created(long id, SwapStatus status) {
    }

    record RejectBody(String reason) {
    }

    @PostMapping
    ResponseEntity<Created> propose(@RequestBody NewSwapBody body, HttpServletRequest request) {
        Locale locale = Texts.supported(request.getLocale());
        Swap s;
        if (body != null && body.openShiftId() != null) {
            s = swaps.offerOpenShift(body.openShiftId(), locale);
        } else {
            LocalDate date = body == null ? null : RequestDates.optional("date", body.date(), "swap.error.dateFormat");
            LocalDate withDate = body == null ? null
                    : RequestDates.optional("withDate", body.withDate(), "swap.error.dateFormat");
            s = swaps.propose(date, body == null ? null : body.withEmployeeNumber(), withDate, locale);
        }
        return ResponseEntity.created(URI.create("/api/swaps/" + s.id())).body(new Created(s.id(), s.status()));
    }

    @GetMapping
    List<SwapViews.Trade> list(HttpServletRequest request) {
        return views.trades(swaps.list(), Texts.supported(request.getLocale()));
    }

    @GetMapping("/open")
    List<SwapViews.Trade> open(HttpServletRequest request) {
        Locale locale = Texts.supported(request.getLocale());
        return views.trades(swaps.open(locale), locale);
    }

    @GetMapping("/waiting")
    List<SwapViews.Trade> waiting(HttpServletRequest request) {
        return views.trades(swaps.waiting(), Texts.supported(request.getLocale()));
    }

    @GetMapping("/{id}")
    SwapViews.Trade get(@PathVariable long id, HttpServletRequest request) {
        return answer(request, locale -> swaps.get(id, locale));
    }

    @PostMapping("/{id}/accept")
    SwapViews.Trade accept(@PathVariable long id, HttpServletRequest request) {
        return answer(request, locale -> swaps.accept(id, locale));
    }

    @PostMapping("/{id}/decline")
    SwapViews.Trade decline(@PathVariable long id, HttpServletRequest request) {
        return answer(request, locale -> swaps.decline(id, locale));
    }

    @PostMapping("/{id}/cancel")
    SwapViews.Trade cancel(@PathVariable long id, HttpServletRequest request) {
        return answer(request, locale -> swaps.cancel(id, locale));
    }

    @PostMapping("/{id}/approve")
    SwapViews.Trade approve(@PathVariable long id, HttpServletRequest request) {
        return answer(request, locale -> swaps.approve(id, locale));
    }

    @PostMapping("/{id}/reject")
    SwapViews.Trade reject(@PathVariable long id, @RequestBody(required = false) RejectBody body,
            HttpServletRequest request) {
        return answer(request, locale -> swaps.reject(id, body == null ? null : body.reason(), locale));
    }

    /** The trade an action returns, as the caller's language shows it. */
    private SwapViews.Trade answer(HttpServletRequest request, java.util.function.Function<Locale, Swap> action) {
        Locale locale = Texts.supported(request.getLocale());
        return views.trade(action.apply(locale), locale);
    }

    @GetMapping("/rules/{teamId}")
    TradeRules rules(@PathVariable long teamId) {
        return swaps.rules(teamId);
    }

    /** The body of {@code PUT /api/swaps/rules/{teamId}}: the fields to change (absent ones keep their values). */
    record RulesBody(Boolean sameQueueOnly, Boolean unequalPaidTime, Boolean oneSided, Integer minNoticeHours,
            Integer openDaysAhead, Boolean autoApprove, Double threshold) {
    }

    @PutMapping("/rules/{teamId}")
    TradeRules saveRules(@PathVariable long teamId, @RequestBody RulesBody body) {
        return swaps.changeRules(teamId, now -> new TradeRules(teamId, or(body.sameQueueOnly(), now.sameQueueOnly()),
                or(body.unequalPaidTime(), now.unequalPaidTime()), or(body.oneSided(), now.oneSided()),
                or(body.minNoticeHours(), now.minNoticeHours()), or(body.openDaysAhead(), now.openDaysAhead()),
                or(body.autoApprove(), now.autoApprove()), or(body.threshold(), now.threshold())));
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}

package org.switchboard.base.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until the application is ready (start-up work such as creating the demo data is done), API requests answer
 * 503 with {@code Retry-After} instead of reaching a half-filled database (demo users did not exist yet, so
 * valid credentials were answered 401). Runs before security, so no password is checked meanwhile.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotReadyYet extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";
    private final ApplicationAvailability availability;

    NotReadyYet(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !Problems.isApi(request) || availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        Problems.write(response, request, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "Switchboard is starting (preparing its data); try again in a few seconds.", List.of()));
    }
}

package org.switchboard.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import java.time.Instant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.switchboard.base.api.Problems;

/**
 * How the API's security answers, as problem details written straight to the response: 401 with
 * {@code WWW-Authenticate: Basic} when credentials are missing or wrong (saying when a locked account may try
 * again), 403 when the role may not or a one-time password must be changed first. Written here rather than with
 * {@code sendError}, whose error page the UI's security turned into a redirect to the sign-in page.
 */
final class ApiSecurityAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Basic realm=\"Switchboard\", charset=\"UTF-8\"";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail;
        if (e instanceof SignInLockedException locked) {
            detail = (locked.pause() ? "Too many wrong passwords: try again after " : "Too many wrong passwords: the"
                    + " account is locked until ") + locked.until() + ".";
            long seconds = Math.max(1, locked.until().getEpochSecond() - Instant.now().getEpochSecond());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        } else if (e instanceof BadCredentialsException
                || e instanceof DisabledException) {
            // a disabled account is not told apart from a wrong password: that would say it exists
            detail = "The user name or password is wrong.";
        } else {
            detail = "Sign in with HTTP Basic (user name and password).";
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, REALM);
        Problems.write(response, request, Problems.of(HttpStatus.UNAUTHORIZED, detail, List.of()));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            commence(request, response, new InsufficientAuthenticationException("Not signed in"));
            return;
        }
        String detail = mustChangePassword(auth)
                ? "Replace your one-time password first: sign in to the web app, which asks for a new one."
                : "Your role may not do this.";
        Problems.write(response, request, Problems.of(HttpStatus.FORBIDDEN, detail, List.of()));
    }

    static boolean mustChangePassword(Authentication auth) {
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> AccountUserDetailsService.PASSWORD_CHANGE_REQUIRED.equals(a.getAuthority()));
    }
}

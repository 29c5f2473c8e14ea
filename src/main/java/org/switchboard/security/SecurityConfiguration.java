package org.switchboard.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.switchboard.security.ui.LoginView;

/**
 * Passwords are checked by {@link SignInProvider} (the only authentication provider, so both chains use it).
 * Two filter chains: the REST API under {@code /api/**} with HTTP Basic (stateless, no CSRF), and the
 * Vaadin UI with form login. Views declare their roles with {@code @RolesAllowed} (read by Vaadin's
 * navigation access control); services check them again with {@code @PreAuthorize}, so a hidden menu item
 * is never the only guard. JSR-250 method security stays off: it would proxy the view components.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

    /**
     * What the browser may load and run: Vaadin's bootstrap page has inline scripts and its client evaluates
     * server-sent JavaScript ({@code executeJs}), and Lumo injects styles, hence {@code 'unsafe-inline'} and
     * {@code 'unsafe-eval'}; everything else comes from this origin only, and no other site may frame the app.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /**
     * Personal calendar feeds ({@code /calendar/{token}.ics}, module schedule): the secret token in the URL is the
     * authorisation, so no sign-in, no session and no CSRF (read-only GETs); anything else under the path answers 404.
     */
    @Bean
    @Order(0)
    SecurityFilterChain calendarFeedFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/calendar/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/calendar/*").permitAll()
                        .anyRequest().denyAll())
                // anything but GET /calendar/{file}: 404 set directly (an error page would go through the UI's chain)
                .exceptionHandling(e -> e.authenticationEntryPoint(
                        new org.springframework.security.web.authentication.HttpStatusEntryPoint(
                                org.springframework.http.HttpStatus.NOT_FOUND)))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        ApiSecurityAnswers answers = new ApiSecurityAnswers();
        return http.securityMatcher("/api/**")
                // signed in, and not with a one-time password still to be replaced (answered 403 with the reason)
                .authorizeHttpRequests(auth -> auth.anyRequest().access((authentication, context) ->
                        new AuthorizationDecision(
                                authentication.get() != null && authentication.get().isAuthenticated()
                                        && !(authentication.get() instanceof AnonymousAuthenticationToken)
                                        && !ApiSecurityAnswers.mustChangePassword(authentication.get()))))
                .httpBasic(basic -> basic.authenticationEntryPoint(answers))
                .exceptionHandling(e -> e.authenticationEntryPoint(answers).accessDeniedHandler(answers))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain uiFilterChain(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/frontend-assets/**", "/webjars/**", "/actuator/health", "/actuator/health/**").permitAll());
        // CSRF: Vaadin's own requests carry Vaadin's token; everything else, the sign-in form included, needs
        // Spring's (Vaadin's default exempts the sign-in form, which let another site sign a browser in)
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        // written before the request goes on: Vaadin's pages are forwarded to its servlet, which commits the
        // response without passing Spring's usual write-on-commit hook, and the headers were lost
        http.headers(headers -> headers
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(
                        ReferrerPolicy.SAME_ORIGIN)));
        // any other path needs a signed-in user and then reaches the UI, which says "not found" inside the app frame
        // (Vaadin's default denies it: a bare, empty HTTP 403 page for a mistyped address)
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)
                        .enableCsrfConfiguration(false))
                .build();
    }

    /**
     * A request the firewall refuses (an encoded slash, backslash or NUL, a {@code ..} in its path …) is 400 as before,
     * and under {@code /api/} with problem details saying why (it was an empty 400).
     */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejectedHandler() {
        var plain = new org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (!org.switchboard.base.api.Problems.isApi(request)) {
                plain.handle(request, response, rejected);
                return;
            }
            org.switchboard.base.api.Problems.write(response, request, org.switchboard.base.api.Problems.of(
                    org.springframework.http.HttpStatus.BAD_REQUEST, "The request was refused: its address holds characters"
                            + " the API does not accept (" + rejected.getMessage() + ")", java.util.List.of()));
        };
    }

    /** Delegating encoder: bcrypt for new hashes, and it still reads older formats should the default change. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}

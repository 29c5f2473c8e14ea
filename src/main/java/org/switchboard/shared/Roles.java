package org.switchboard.shared;

/**
 * The four roles, as used in {@code @RolesAllowed} on views and in the {@code @PreAuthorize} rules below. Spring Security stores them with
 * the {@code ROLE_} prefix.
 */
public final class Roles {

    /** User accounts and roles; may also do everything a planner does. */
    public static final String ADMIN = "ADMIN";
    /** Keeps operators, queues, contracts and shift templates; builds and publishes rosters. */
    public static final String PLANNER = "PLANNER";
    /** Approves time off and swaps; reads everything a planner keeps. */
    public static final String MANAGER = "MANAGER";
    /** Sees the own schedule and asks for time off and swaps. */
    public static final String OPERATOR = "OPERATOR";

    /** Method-security rules for services ({@code @PreAuthorize}); views use {@code @RolesAllowed}. */
    public static final String READ_MASTER_DATA = "hasAnyRole('ADMIN','PLANNER','MANAGER')";

    public static final String EDIT_MASTER_DATA = "hasAnyRole('ADMIN','PLANNER')";

    public static final String ADMIN_ONLY = "hasRole('ADMIN')";

    public static final String SIGNED_IN = "isAuthenticated()";

    public static final java.util.List<String> ALL = java.util.List.of(ADMIN, PLANNER, MANAGER, OPERATOR);

    private Roles() {}

    /** Whether the authentication holds one of the roles (names as above; granted as {@code ROLE_<name>}). */
    public static boolean granted(org.springframework.security.core.Authentication auth, String... roles) {
        if (auth == null) {
            return false;
        }
        for (org.springframework.security.core.GrantedAuthority g : auth.getAuthorities()) {
            for (String r : roles) {
                if (("ROLE_" + r).equals(g.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }
}

package org.switchboard.security;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface AppUserRepository extends ListCrudRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    /** Every account by user name, with its roles in the same query (findAll uses single query loading). */
    default List<AppUser> findAllByOrderByUsername() {
        List<AppUser> all = new java.util.ArrayList<>(findAll());
        all.sort(java.util.Comparator.comparing(AppUser::getUsername));
        return all;
    }
}

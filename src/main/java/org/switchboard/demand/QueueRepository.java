package org.switchboard.demand;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface QueueRepository extends ListCrudRepository<Queue, Long> {

    /** Every queue by code, with its opening hours in the same query (findAll uses single query loading). */
    default List<Queue> findAllByOrderByCode() {
        List<Queue> all = new java.util.ArrayList<>(findAll());
        all.sort(java.util.Comparator.comparing(Queue::getCode));
        return all;
    }

    Optional<Queue> findByCode(String code);

    @Query("select count(*) from queue where id in (:ids)")
    long countExisting(Collection<Long> ids);
}

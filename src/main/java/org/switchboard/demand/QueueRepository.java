package org.switchboard.demand;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface QueueRepository extends ListCrudRepository<Queue, Long> {

    List<Queue> findAllByOrderByCode();

    Optional<Queue> findByCode(String code);

    @Query("select count(*) from queue where id in (:ids)")
    long countExisting(Collection<Long> ids);
}

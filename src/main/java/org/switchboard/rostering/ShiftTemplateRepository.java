package org.switchboard.rostering;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface ShiftTemplateRepository extends ListCrudRepository<ShiftTemplate, Long> {

    List<ShiftTemplate> findAllByOrderByStartTimeAscCode();

    Optional<ShiftTemplate> findByCode(String code);
}

package org.switchboard.operators;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface OperatorRepository extends ListCrudRepository<Operator, Long> {

    Optional<Operator> findByEmployeeNumber(String employeeNumber);

    Optional<Operator> findByUserId(Long userId);

    Optional<Operator> findByEmployeeNumberIgnoreCase(String employeeNumber);

    /** Every operator by last and first name, with the skills in the same query (findAll uses single query loading). */
    default List<Operator> findAllByOrderByLastNameAscFirstNameAsc() {
        List<Operator> all = new java.util.ArrayList<>(findAll());
        all.sort(java.util.Comparator.comparing(Operator::getLastName).thenComparing(Operator::getFirstName)
                .thenComparing(Operator::getId));
        return all;
    }

    boolean existsByTeamId(Long teamId);

    boolean existsByContractId(Long contractId);

    long countByContractIdAndNightEligibleTrue(Long contractId);
}

interface TeamRepository extends ListCrudRepository<Team, Long> {

    List<Team> findAllByOrderByName();

    Optional<Team> findByName(String name);
}

interface ContractRepository extends ListCrudRepository<Contract, Long> {

    List<Contract> findAllByOrderByName();

    Optional<Contract> findByName(String name);
}

interface ContractPresetRepository extends ListCrudRepository<ContractPreset, Long> {

    List<ContractPreset> findAllByOrderByName();
}

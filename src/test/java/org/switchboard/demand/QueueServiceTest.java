package org.switchboard.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.ValidationFailedException;

@SpringBootTest
@Transactional
class QueueServiceTest {

    @Autowired
    QueueService queues;

    @Autowired
    QueueRepository repository;

    @Test
    void queueWithOpeningHoursRoundTrips() {
        Queue q = queue("RT-Q");
        q.setAsaTargetSeconds(25);
        q.setOpeningHours(List.of(new OpeningHours(6, LocalTime.of(9, 0), LocalTime.of(18, 0)),
                new OpeningHours(1, LocalTime.of(8, 0), LocalTime.MIDNIGHT)));
        Queue loaded = repository.findById(repository.save(q).getId()).orElseThrow();
        assertThat(loaded.getOpeningHours()).containsExactly(
                new OpeningHours(1, LocalTime.of(8, 0), LocalTime.MIDNIGHT),
                new OpeningHours(6, LocalTime.of(9, 0), LocalTime.of(18, 0)));
        assertThat(loaded.getAsaTargetSeconds()).isEqualTo(25);
        assertThat(loaded.serviceLevelLabel()).isEqualTo("80 % in 20 s");
        assertThat(loaded.openingHoursLabel()).isEqualTo("Mon 08:00–24:00, Sat 09:00–18:00");
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void invalidQueuesAreRefused() {
        Queue q = queue("RU-GEN"); // taken by the demo data
        q.setShrinkagePercent(95.0);
        q.setOpeningHours(List.of(new OpeningHours(2, LocalTime.of(20, 0), LocalTime.of(8, 0))));
        assertThatThrownBy(() -> queues.save(q))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("code", "Another queue already has this code")
                        .containsEntry("shrinkagePercent", "Use 0 to 90 %")
                        .containsKey("openingHours"));
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void aRussianReaderReadsTheReasonsInRussian() {
        Queue q = queue("RU-GEN"); // taken by the demo data
        q.setShrinkagePercent(95.0);
        q.setMaxOccupancyPercent(20.0);
        q.setAnswerWithinSeconds(4000);
        q.setOpeningHours(List.of(new OpeningHours(2, LocalTime.of(20, 0), LocalTime.of(8, 0))));
        assertThatThrownBy(() -> queues.save(q))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> {
                    assertThat(e.fieldErrors(java.util.Locale.forLanguageTag("ru")))
                            .containsEntry("code", "Очередь с таким кодом уже есть")
                            .containsEntry("shrinkagePercent", "От 0 до 90 %")
                            .containsEntry("maxOccupancyPercent", "От 50 до 100 %")
                            .containsEntry("answerWithinSeconds", "Не более 3600 с")
                            .containsEntry("openingHours",
                                    "Вторник: время закрытия должно быть позже открытия (00:00 — полночь)");
                    assertThat(e.fieldErrors())
                            .containsEntry("maxOccupancyPercent", "Use 50 to 100 %")
                            .containsEntry("answerWithinSeconds", "Use at most 3600 seconds")
                            .containsEntry("openingHours",
                                    "Tuesday: the closing time must be after the opening time (00:00 = midnight)");
                });
    }

    @Test
    @WithMockUser(roles = "OPERATOR")
    void operatorsCannotChangeQueues() {
        assertThatThrownBy(() -> queues.save(queue("OP-Q"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void demoCenterHasRussianBillingAndEnglishQueues() {
        assertThat(queues.list()).extracting(Queue::getCode).contains("RU-GEN", "BILL", "EN-TECH", "OUT-SURV");
        assertThat(queues.findByCode("RU-GEN").orElseThrow().openingHoursLabel()).isEqualTo("24/7");
    }

    private static Queue queue(String code) {
        Queue q = new Queue();
        q.setCode(code);
        q.setName("Queue " + code);
        q.setOpeningHours(List.of(new OpeningHours(1, LocalTime.of(8, 0), LocalTime.of(20, 0))));
        return q;
    }
}

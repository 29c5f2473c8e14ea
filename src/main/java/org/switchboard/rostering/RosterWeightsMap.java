package org.switchboard.rostering;

import java.util.LinkedHashMap;
import java.util.Map;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import org.switchboard.rostering.solver.RosterWeights;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;

/** Rule weights as stored with a roster and sent over the API: rule name → score text ("0hard/0medium/1soft"). */
final class RosterWeightsMap {

    private RosterWeightsMap() {
    }

    /** Every rule's weight, in declaration order. */
    static Map<String, String> of(RosterWeights weights) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (var field : RosterWeights.class.getDeclaredFields()) {
                ConstraintWeight cw = field.getAnnotation(ConstraintWeight.class);
                if (cw != null) {
                    field.setAccessible(true);
                    // the two halves of under-coverage are one weight for planners
                    String name = cw.value().equals(RosterWeights.REQUIRED) || cw.value().equals(RosterWeights.COVERED)
                            ? RosterWeights.UNDER_COVERAGE : cw.value();
                    out.put(name, field.get(weights).toString());
                }
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The defaults with the given changes; unknown rules or unreadable weights are refused with the reason. */
    static RosterWeights from(Map<String, String> changes) {
        RosterWeights weights = new RosterWeights();
        if (changes == null) {
            return weights;
        }
        Map<String, String> known = of(weights);
        for (Map.Entry<String, String> e : changes.entrySet()) {
            if (!known.containsKey(e.getKey())) {
                throw ValidationFailedException.of("weights", Text.of("error.roster.weights.unknown", e.getKey(),
                        String.join(", ", known.keySet())));
            }
            HardMediumSoftScore w;
            try {
                w = HardMediumSoftScore.parseScore(e.getValue() == null ? "" : e.getValue().trim());
            } catch (RuntimeException ex) {
                throw ValidationFailedException.of("weights", Text.of("error.roster.weights.format", e.getKey(),
                        String.valueOf(e.getValue())));
            }
            if (w.initScore() != 0 || w.hardScore() < 0 || w.mediumScore() < 0 || w.softScore() < 0) {
                throw ValidationFailedException.of("weights", Text.of("error.roster.weights.negative", e.getKey()));
            }
            weights.with(e.getKey(), w);
        }
        return weights;
    }
}

/**
 * The roster solver core: a pure OptaPlanner model (no Spring, no database) of one planning period.
 *
 * <p>{@link org.switchboard.rostering.solver.OperatorDay} is the planning entity (one per operator per date), its
 * variables are the {@link org.switchboard.rostering.solver.ShiftOption} worked (or none = day off) and the queue
 * worked. Coverage is scored against {@link org.switchboard.rostering.solver.DemandUnit}s, which serve both
 * call-center interval demand and slot-style (day, shift type) demand; the rules are in
 * {@link org.switchboard.rostering.solver.RosterConstraints}, their weights in
 * {@link org.switchboard.rostering.solver.RosterWeights}.
 *
 * <p>Unpaid breaks may float in a window ({@link org.switchboard.rostering.solver.BreakWindow}): while solving, a
 * shift option covers its slots with each break at a nominal position; after solving,
 * {@link org.switchboard.rostering.solver.BreakPlanner} places the breaks where coverage suffers least and records
 * them, with the slots then covered, on each {@link org.switchboard.rostering.solver.OperatorDay}.
 */
package org.switchboard.rostering.solver;

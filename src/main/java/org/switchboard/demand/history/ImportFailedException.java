package org.switchboard.demand.history;

import java.util.List;
import java.util.stream.Collectors;

/** The file or the settings have problems; nothing of the import was written. */
public class ImportFailedException extends RuntimeException {

    private final List<ImportProblem> problems;
    private final boolean truncated;

    public ImportFailedException(List<ImportProblem> problems, boolean truncated) {
        super("Nothing was imported: " + problems.stream().limit(5).map(ImportProblem::toString)
                .collect(Collectors.joining("; ")) + (problems.size() > 5 || truncated ? "; …" : ""));
        this.problems = List.copyOf(problems);
        this.truncated = truncated;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** Whether reading stopped after the first problems (there may be more). */
    public boolean truncated() {
        return truncated;
    }
}

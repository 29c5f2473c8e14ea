package org.switchboard.demand.history;

/** One thing wrong with an import file: where (line, column) and what. */
public record ImportProblem(long line, String column, String message) {

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column " + column) + ": " + message;
    }
}

package com.itadcustody.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Input was refused as a whole, with every problem found listed (e.g. each bad row and field of an import).
 * Answered as a ProblemDetail whose {@code errors} property lists the problems.
 */
public class InputRejected extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final List<Problem> problems;
    private final int totalProblems;

    public InputRejected(HttpStatus status, String type, String message, List<Problem> problems, int totalProblems) {
        super(message);
        this.status = status;
        this.type = type;
        this.problems = List.copyOf(problems);
        this.totalProblems = totalProblems;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public List<Problem> problems() {
        return problems;
    }

    public int totalProblems() {
        return totalProblems;
    }

    /**
     * One problem: where (row number in a file, 1-based counting the header as row 1, or null), which field,
     * which rule and a message for people.
     */
    public record Problem(Integer row, String field, String rule, String message) {
    }
}

package netlab.api;

/**
 * One {@code expect} statement of the lab's file, checked against the running lab, as {@code
 * netlab test} reports it: the statement, whether it held, and what was seen.
 */
public record ExpectationResult(String expectation, boolean passed, String seen) {}

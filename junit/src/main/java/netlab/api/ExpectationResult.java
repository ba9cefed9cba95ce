package netlab.api;

/**
 * One {@code expect} statement of the lab's file, checked against the running lab, as {@code
 * netlab test} reports it: the statement, whether it held, and what was seen.
 *
 * @param expectation the statement as the file writes it, e.g. {@code ns1 reaches 192.168.0.2}
 * @param passed whether the lab did what the statement says
 * @param seen what was seen, e.g. {@code reply with ttl 63, expected 62}
 */
public record ExpectationResult(String expectation, boolean passed, String seen) {}

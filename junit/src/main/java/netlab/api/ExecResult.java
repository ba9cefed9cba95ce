package netlab.api;

/**
 * How a program run inside a node ended, and what it printed.
 *
 * @param exitCode the program's exit status (128 + the signal's number when a signal ended it)
 * @param stdout what it wrote to its standard output, as UTF-8
 * @param stderr what it wrote to its standard error, as UTF-8
 */
public record ExecResult(int exitCode, String stdout, String stderr) {}

package netlab.api;

/** How a program run inside a node ended, and what it printed. */
public record ExecResult(int exitCode, String stdout, String stderr) {}

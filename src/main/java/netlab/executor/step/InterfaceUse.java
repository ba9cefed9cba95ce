package netlab.executor.step;

import netlab.topology.Source;

/** An interface a step names, and the statement that names it (where a missing one is reported). */
public record InterfaceUse(String name, Source source) {}

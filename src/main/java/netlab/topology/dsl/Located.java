package netlab.topology.dsl;

import netlab.topology.Source;

/** A value read from the file with the place it was written, so later checks can point at it. */
record Located<T>(T value, Source source) {}

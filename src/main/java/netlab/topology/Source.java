package netlab.topology;

/** Where a statement was written: {@code lan.topo:9:3} (line and column count from 1). */
public record Source(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

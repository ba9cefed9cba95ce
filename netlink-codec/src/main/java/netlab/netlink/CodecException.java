package netlab.netlink;

/**
 * Input the codec cannot decode: truncated, misaligned, oversized or self-contradicting bytes.
 * The message starts with the path to the fault, e.g.
 * {@code RTM_NEWLINK > IFLA_LINKINFO > IFLA_INFO_DATA > VETH_INFO_PEER: attribute length 9 exceeds remaining 4}.
 * It is the only exception the decoders throw, whatever the bytes.
 */
public final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;

    public CodecException(DecodePath path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
        this.path = path.toString();
        this.problem = problem;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}

package netlab.kube;

/**
 * The names of a lab's objects on Kubernetes, from its netlab name. netlab takes letters, digits,
 * '_', '.' and '-' in a lab name; Kubernetes takes a DNS-1123 label (lower-case letters, digits
 * and '-', a letter or digit at both ends, at most 63). So upper case becomes lower case and '_'
 * and '.' become '-'; a name that still starts or ends with '-', or is too long, is refused.
 * Two netlab names can map to one ({@code Lab_1}, {@code lab-1}): every object carries the
 * netlab name too ({@link LabLabels#LAB_NAME}), and up and down refuse a lab whose names another
 * holds.
 *
 * @param lab the lab's netlab name
 * @param dns the lab's name as Kubernetes takes it
 */
public record KubeNames(String lab, String dns) {
    /**
     * The longest mapped name: the StatefulSet {@code netlab-NAME} may have 52 characters, as its
     * pods get the label {@code controller-revision-hash: NAME-HASH}, a label value of at most 63.
     */
    public static final int MAX_LENGTH = 52 - "netlab-".length();

    /** The names of lab {@code lab}; a name that cannot be mapped is a {@link KubeNameException}. */
    public static KubeNames of(String lab) {
        StringBuilder dns = new StringBuilder(lab.length());
        for (char c : lab.toCharArray()) {
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
                dns.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                dns.append((char) (c - 'A' + 'a'));
            } else if (c == '_' || c == '.') {
                dns.append('-');
            } else {
                throw refused(lab, "it may hold only letters, digits, '_', '.' and '-'");
            }
        }
        if (dns.isEmpty()) {
            throw refused(lab, "it is empty");
        }
        if (dns.charAt(0) == '-' || dns.charAt(dns.length() - 1) == '-') {
            throw refused(lab, "it becomes '" + dns + "', and Kubernetes names start and end with a letter or digit");
        }
        if (dns.length() > MAX_LENGTH) {
            throw refused(lab, "it is longer than " + MAX_LENGTH + " characters");
        }
        return new KubeNames(lab, dns.toString());
    }

    private static KubeNameException refused(String lab, String why) {
        return new KubeNameException("netlab: lab name '" + lab.replaceAll("\\p{Cntrl}", "?")
                + "' cannot name Kubernetes objects: " + why + " (docs/kubernetes.md, Names)");
    }

    /** The StatefulSet's and the headless Service's name. */
    public String base() {
        return "netlab-" + dns;
    }

    /** The ConfigMap holding part {@code part}'s file. */
    public String partConfigMap(int part) {
        return base() + "-p" + part;
    }

    /** The ConfigMap holding the peers file. */
    public String peersConfigMap() {
        return base() + "-peers";
    }

    /** The pod running part {@code part}: the StatefulSet's pod of that ordinal. */
    public String pod(int part) {
        return base() + "-" + part;
    }

    /** The DNS name of part {@code part}'s pod: its host name under the headless Service. */
    public String podDns(int part, String namespace) {
        return pod(part) + "." + base() + "." + namespace + ".svc.cluster.local";
    }
}

package netlab.kube.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import netlab.error.LabStateException;
import netlab.kube.KubeNames;
import netlab.kube.LabLabels;

/**
 * A lab's VNI blocks, claimed by creating a ConfigMap {@code netlab-vni-block-N} per block in one
 * namespace of the whole cluster ({@link #NAMESPACE}): VNIs matter per machine, and labs of every
 * namespace share the machines. The API server creates a name once: a second creation is 409
 * Conflict, so two labs brought up at the same moment never hold the same block.
 */
public final class VniClaims {
    /** Where every claim lives: a namespace every cluster has. */
    public static final String NAMESPACE = "default";
    /** Annotation: whose claim it is, {@code NAMESPACE/LAB} of the lab's objects. */
    public static final String OWNER = "netlab.dev/owner";
    /** Label: the block's number; tells a claim from a lab's own ConfigMaps in {@link #NAMESPACE}. */
    public static final String BLOCK = "netlab.dev/vni-block";
    private static final String PREFIX = "netlab-vni-block-";

    private final KubernetesClient client;

    public VniClaims(KubernetesClient client) {
        this.client = client;
    }

    /** The blocks {@code firstBlock} to {@code firstBlock + blocks - 1}, and the ConfigMaps that hold them. */
    public record Claim(int firstBlock, int blocks) {
        public int vniBase() {
            return VniBlocks.firstVni(firstBlock);
        }

        public List<String> names() {
            List<String> names = new ArrayList<>();
            for (int block = firstBlock; block < firstBlock + blocks; block++) {
                names.add(name(block));
            }
            return names;
        }
    }

    static String name(int block) {
        return PREFIX + block;
    }

    /**
     * Claims consecutive blocks for {@code vniCount} VNIs: the first run of free blocks the list of
     * claims shows, then each created in turn; a block taken meanwhile (or by something that
     * lists as no claim) gives back this run's blocks and moves past it.
     */
    public Claim claim(KubeNames lab, String labNamespace, int vniCount) {
        int wanted = VniBlocks.needed(vniCount);
        if (wanted == 0) {
            return new Claim(VniBlocks.FIRST, 0);
        }
        Set<Integer> taken = new TreeSet<>();
        for (ConfigMap claim : all()) {
            taken.add(Integer.parseInt(claim.getMetadata().getLabels().get(BLOCK)));
        }
        int first = VniBlocks.FIRST;
        while (true) {
            first = firstRun(taken, first, wanted);
            if (first < 0) {
                throw new LabStateException("lab " + lab.lab() + " needs " + wanted + " consecutive VNI blocks of "
                        + VniBlocks.SIZE + ", and the cluster has no such run free (claims: ConfigMaps " + PREFIX
                        + "N in namespace " + NAMESPACE + ")");
            }
            int refused = createRun(lab, labNamespace, first, wanted);
            if (refused < 0) {
                return new Claim(first, wanted);
            }
            taken.add(refused);
            first = refused + 1;
        }
    }

    /** The first block from {@code from} that starts {@code wanted} blocks none of which is taken, or -1. */
    private static int firstRun(Set<Integer> taken, int from, int wanted) {
        int first = from;
        while (first + wanted - 1 <= VniBlocks.LAST) {
            int blocker = -1;
            for (int block = first; block < first + wanted; block++) {
                if (taken.contains(block)) {
                    blocker = block;
                }
            }
            if (blocker < 0) {
                return first;
            }
            first = blocker + 1;
        }
        return -1;
    }

    /** Creates the run's claims: -1 when all are made, else the block that was taken (none left made). */
    private int createRun(KubeNames lab, String labNamespace, int first, int wanted) {
        List<String> made = new ArrayList<>();
        for (int block = first; block < first + wanted; block++) {
            try {
                client.configMaps().inNamespace(NAMESPACE).resource(claimMap(lab, labNamespace, block)).create();
                made.add(name(block));
            } catch (KubernetesClientException e) {
                delete(made);
                if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                    return block;
                }
                throw e;
            }
        }
        return -1;
    }

    private static ConfigMap claimMap(KubeNames lab, String labNamespace, int block) {
        int firstVni = VniBlocks.firstVni(block);
        return new ConfigMapBuilder()
                .withNewMetadata().withName(name(block)).withNamespace(NAMESPACE)
                .withLabels(LabLabels.of(lab)).addToLabels(BLOCK, String.valueOf(block))
                .withAnnotations(LabLabels.annotations(lab)).addToAnnotations(OWNER, owner(lab, labNamespace))
                .endMetadata()
                .withData(Map.of("vnis", firstVni + "-" + (firstVni + VniBlocks.SIZE - 1)))
                .build();
    }

    private static String owner(KubeNames lab, String labNamespace) {
        return labNamespace + "/" + lab.dns();
    }

    /** Every claim on the cluster, by any lab. */
    private List<ConfigMap> all() {
        return client.configMaps().inNamespace(NAMESPACE).withLabel(LabLabels.NAME, "netlab").list().getItems().stream()
                .filter(map -> map.getMetadata().getName().startsWith(PREFIX)
                        && map.getMetadata().getLabels().getOrDefault(BLOCK, "").matches("[0-9]{1,4}"))
                .toList();
    }

    /** The claims of the lab named {@code lab} whose objects are in {@code labNamespace}. */
    public List<ConfigMap> owned(KubeNames lab, String labNamespace) {
        return all().stream().filter(map -> lab.dns().equals(map.getMetadata().getLabels().get(LabLabels.LAB))
                && owner(lab, labNamespace).equals(map.getMetadata().getAnnotations().get(OWNER))).toList();
    }

    /** Deletes the claims named {@code names}: the blocks are free again. */
    public void delete(List<String> names) {
        for (String name : names) {
            client.configMaps().inNamespace(NAMESPACE).withName(name).delete();
        }
    }
}

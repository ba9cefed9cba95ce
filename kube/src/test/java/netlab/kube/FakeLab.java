package netlab.kube;

import java.util.ArrayList;
import java.util.List;

/**
 * A split lab as the renderer would give it, made up: part I is node nI, and the first
 * {@code vniCount} pairs of parts are joined by a VXLAN each, numbered from the VNI base.
 */
public record FakeLab(String lab, int parts, int vniCount) implements LabParts {
    @Override
    public List<String> placeholders() {
        List<String> placeholders = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            placeholders.add("192.0.2." + (part + 1));
        }
        return placeholders;
    }

    @Override
    public List<String> render(int vniBase) {
        List<StringBuilder> files = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            files.add(new StringBuilder("lab " + lab + "\n# part " + part + " of " + parts + ", VNIs " + vniBase + ".."
                    + (vniBase + vniCount - 1) + "\nnode n" + part + "\n"));
        }
        int vni = vniBase;
        for (int a = 0; a < parts; a++) {
            for (int b = a + 1; b < parts && vni < vniBase + vniCount; b++, vni++) {
                files.get(a).append("  vxlan to-n").append(b).append(" vni ").append(vni).append(" remote 192.0.2.")
                        .append(b + 1).append(" underlay host\n");
                files.get(b).append("  vxlan to-n").append(a).append(" vni ").append(vni).append(" remote 192.0.2.")
                        .append(a + 1).append(" underlay host\n");
            }
        }
        return files.stream().map(StringBuilder::toString).toList();
    }
}

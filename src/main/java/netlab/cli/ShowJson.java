package netlab.cli;

import netlab.executor.LabView;

/**
 * {@code netlab show --json}: the lab view as JSON. Field names follow {@code ip -j} where ip has
 * the same field (ifname, operstate, address, addr_info, dst, gateway, dev, prefsrc, lladdr), so
 * scripts that read ip's JSON read this; every key is always present, null when it has no value.
 * netlab's own: {@code schema_version}, {@code status}, {@code not_compared}, each node's
 * {@code problems} and {@code sysctls}, each interface's {@code peer}, and {@code by_hand} on
 * interfaces, addresses, routes and neighbours (docs/show.md).
 */
final class ShowJson {
    private ShowJson() {}

    static String render(LabView lab) {
        JsonWriter json = JsonSchema.document().name("lab").value(lab.lab())
                .name("status").value(lab.broken() ? "broken" : "up").name("not_compared").value(lab.notCompared())
                .name("nodes").beginArray();
        for (LabView.Node node : lab.nodes()) {
            json.beginObject().name("name").value(node.name()).name("problems").beginArray();
            node.problems().forEach(json::value);
            json.endArray();
            json.name("interfaces").beginArray();
            node.interfaces().forEach(i -> writeInterface(json, i));
            json.endArray().name("routes").beginArray();
            node.routes().forEach(r -> writeRoute(json, r));
            json.endArray().name("neighbours").beginArray();
            for (LabView.Neighbour n : node.neighbours()) {
                json.beginObject().name("dst").value(n.address()).name("lladdr").value(n.mac()).name("dev").value(n.device())
                        .name("state").value("PERMANENT").name("by_hand").value(n.byHand()).endObject();
            }
            json.endArray().name("nat").beginArray();
            for (LabView.NatTable table : node.tables()) {
                json.beginObject().name("family").value(table.family()).name("table").value(table.name()).name("rules").beginArray();
                for (LabView.Rule rule : table.rules()) {
                    json.beginObject().name("chain").value(rule.chain()).name("handle").value(rule.handle())
                            .name("rule").value(rule.text()).endObject();
                }
                json.endArray().endObject();
            }
            json.endArray().name("sysctls").beginArray();
            node.sysctls().forEach(s -> json.beginObject().name("key").value(s.key()).name("value").value(s.value())
                    .name("set").value(s.set()).endObject());
            json.endArray().endObject();
        }
        return json.endArray().endObject().toString();
    }

    private static void writeInterface(JsonWriter json, LabView.Interface i) {
        json.beginObject().name("ifindex").value(i.index()).name("ifname").value(i.name())
                .name("admin_up").value(i.adminUp()).name("operstate").value(i.operState())
                .name("address").value(i.mac()).name("mtu").value(i.mtu()).name("kind").value(i.kind())
                .name("master").value(i.master()).name("peer");
        if (i.peer().isPresent()) {
            json.beginObject().name("node").value(i.peer().get().node()).name("ifname").value(i.peer().get().name()).endObject();
        } else {
            json.nullValue();
        }
        json.name("by_hand").value(i.byHand()).name("qdisc").value(i.queue()).name("addr_info").beginArray();
        for (LabView.Address a : i.addresses()) {
            json.beginObject().name("local").value(a.address()).name("prefixlen").value(a.prefixLength())
                    .name("scope").value(a.scope()).name("by_hand").value(a.byHand()).endObject();
        }
        json.endArray().endObject();
    }

    private static void writeRoute(JsonWriter json, LabView.Route r) {
        json.beginObject().name("family").value(r.family()).name("type").value(r.type().orElse("unicast"))
                .name("dst").value(r.destination()).name("gateway").value(r.gateway()).name("dev").value(r.device())
                .name("protocol").value(r.protocol()).name("scope").value(r.scope()).name("prefsrc").value(r.preferredSource());
        if (r.metric().isPresent()) {
            json.name("metric").value(r.metric().get());
        } else {
            json.name("metric").nullValue();
        }
        json.name("flags").beginArray();
        r.flags().forEach(json::value);
        json.endArray().name("pref").value(r.preference()).name("by_hand").value(r.byHand()).endObject();
    }
}

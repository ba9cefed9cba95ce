package netlab.plan;

import netlab.topology.Addresses;
import netlab.topology.NatRule;

/** A NAT rule as nft writes it: {@code oifname "eth0" ip saddr 192.168.0.0/24 ip daddr != 172.31.0.0/16 masquerade}. */
final class NatText {
    private NatText() {}

    static String render(NatRule rule) {
        StringBuilder text = new StringBuilder();
        rule.out().ifPresent(out -> text.append("oifname \"").append(out).append("\" "));
        rule.src().ifPresent(src -> text.append(src.isIpv4() ? "ip" : "ip6").append(" saddr ").append(src.network()).append(' '));
        rule.dst().ifPresent(dst -> text.append(dst.isIpv4() ? "ip" : "ip6").append(" daddr ")
                .append(rule.dstNegated() ? "!= " : "").append(dst.network()).append(' '));
        if (rule.isMasquerade()) {
            text.append("masquerade");
        } else {
            text.append("snat to ").append(Addresses.format(rule.snatTo().orElseThrow()));
        }
        return text.toString();
    }
}

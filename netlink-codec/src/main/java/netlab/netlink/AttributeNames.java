package netlab.netlink;

/**
 * Names the attribute types of one attribute space (the IFLA_* of a link, the NFTA_RULE_* of a
 * rule, ...), for decode error paths and the printer.
 */
@FunctionalInterface
public interface AttributeNames {
    String name(int type);

    /** Names from a table indexed by type; types outside it are printed as numbers. */
    static AttributeNames of(String... namesByType) {
        return type -> type >= 0 && type < namesByType.length && namesByType[type] != null
                ? namesByType[type]
                : "attribute " + type;
    }
}

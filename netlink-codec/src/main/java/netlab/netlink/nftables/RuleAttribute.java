package netlab.netlink.nftables;

import java.util.ArrayList;
import java.util.List;
import netlab.netlink.AttributeNames;
import netlab.netlink.AttributeReader;
import netlab.netlink.AttributeWriter;
import netlab.netlink.NlAttr;
import netlab.netlink.RawAttribute;

/**
 * The attributes of a rule message ({@code NFTA_RULE_*} in {@code <linux/netfilter/nf_tables.h>}).
 * All numbers are big-endian. A value not in the modelled shape stays {@link Other}.
 */
public sealed interface RuleAttribute {
    int NFTA_RULE_TABLE = 1;
    int NFTA_RULE_CHAIN = 2;
    int NFTA_RULE_HANDLE = 3;
    int NFTA_RULE_EXPRESSIONS = 4;
    int NFTA_RULE_COMPAT = 5;
    int NFTA_RULE_POSITION = 6;
    int NFTA_RULE_USERDATA = 7;

    AttributeNames NAMES = AttributeNames.of(null, "NFTA_RULE_TABLE", "NFTA_RULE_CHAIN", "NFTA_RULE_HANDLE",
            "NFTA_RULE_EXPRESSIONS", "NFTA_RULE_COMPAT", "NFTA_RULE_POSITION", "NFTA_RULE_USERDATA", "NFTA_RULE_PAD",
            "NFTA_RULE_ID", "NFTA_RULE_POSITION_ID", "NFTA_RULE_CHAIN_ID");

    void encode(AttributeWriter writer);

    record Table(String name) implements RuleAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.string(NFTA_RULE_TABLE, name);
        }
    }

    record Chain(String name) implements RuleAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.string(NFTA_RULE_CHAIN, name);
        }
    }

    /** The kernel-assigned handle. */
    record Handle(long handle) implements RuleAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u64Big(NFTA_RULE_HANDLE, handle);
        }
    }

    /** The handle of the rule this one follows (insert/add after it; in dumps, the previous rule). */
    record Position(long handle) implements RuleAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            writer.u64Big(NFTA_RULE_POSITION, handle);
        }
    }

    /** NFTA_RULE_EXPRESSIONS: the rule's expressions in evaluation order. */
    record Expressions(List<Expression> expressions, Nesting nesting) implements RuleAttribute {
        public Expressions {
            expressions = List.copyOf(expressions);
        }

        @Override
        public void encode(AttributeWriter writer) {
            writer.nested(NFTA_RULE_EXPRESSIONS | nesting.flag(),
                    list -> expressions.forEach(expression -> expression.encode(list, nesting)));
        }

        /** Lenient; the caller keeps the result only if it encodes back to the same bytes. */
        static Expressions decode(AttributeReader reader) {
            Nesting nesting = Nesting.of(reader.typeWord());
            AttributeReader list = reader.nested(AttributeNames.of(null, "NFTA_LIST_ELEM"));
            List<Expression> expressions = new ArrayList<>();
            while (list.next()) {
                expressions.add(Expression.decode(list, nesting));
            }
            return new Expressions(expressions, nesting);
        }
    }

    record Other(RawAttribute raw) implements RuleAttribute {
        @Override
        public void encode(AttributeWriter writer) {
            raw.encode(writer);
        }
    }

    static List<RuleAttribute> decode(AttributeReader reader) {
        List<RuleAttribute> attributes = new ArrayList<>();
        while (reader.next()) {
            RuleAttribute attribute = switch (reader.typeWord()) {
                case NFTA_RULE_TABLE -> reader.isCanonicalString() ? new Table(reader.string()) : null;
                case NFTA_RULE_CHAIN -> reader.isCanonicalString() ? new Chain(reader.string()) : null;
                case NFTA_RULE_HANDLE -> reader.length() == 8 ? new Handle(reader.u64Big()) : null;
                case NFTA_RULE_POSITION -> reader.length() == 8 ? new Position(reader.u64Big()) : null;
                case NFTA_RULE_EXPRESSIONS, NFTA_RULE_EXPRESSIONS | NlAttr.NLA_F_NESTED ->
                        Exact.typedOrNull(reader, () -> Expressions.decode(reader), Expressions::encode);
                default -> null;
            };
            attributes.add(attribute != null ? attribute : new Other(reader.raw()));
        }
        return List.copyOf(attributes);
    }
}

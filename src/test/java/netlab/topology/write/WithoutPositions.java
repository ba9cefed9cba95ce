package netlab.topology.write;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import netlab.topology.Lab;
import netlab.topology.Node;
import netlab.topology.Source;

/**
 * A lab with every {@link Source} replaced by one and the same, and its file name too, so that
 * two labs read from different texts compare equal when they say the same. Records are rebuilt
 * component by component, so a component added to one (a new vxlan option) is compared without
 * a change here.
 */
final class WithoutPositions {
    static final Source NOWHERE = new Source("-", 0, 0);

    private WithoutPositions() {}

    static Lab of(Lab lab) {
        return new Lab(lab.name(), NOWHERE.file(), list(lab.nodes()), list(lab.expectations()));
    }

    static Node of(Node node) {
        return new Node(node.name(), NOWHERE, list(node.interfaces()), list(node.routes()), list(node.neighbours()),
                list(node.sysctls()), list(node.nat()), list(node.impairments()));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(List<T> values) {
        return values.stream().map(v -> (T) plain(v)).toList();
    }

    private static Object plain(Object value) {
        return switch (value) {
            case Source s -> NOWHERE;
            case Node node -> of(node);
            case List<?> list -> list(list);
            case Optional<?> optional -> optional.map(WithoutPositions::plain);
            case Record record -> rebuilt(record);
            default -> value;
        };
    }

    private static Record rebuilt(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = plain(components[i].getAccessor().invoke(record));
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<? extends Record> constructor = record.getClass().getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot rebuild " + record.getClass(), e);
        }
    }
}

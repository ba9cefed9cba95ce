package netlab.junit;

import java.nio.file.Path;
import netlab.api.Lab;
import netlab.api.LabNode;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Brings the lab of the class's {@link NetlabTopology} up before its tests and puts it in the
 * class's store, which JUnit closes after the class whatever happened (a failing test, an
 * exception in {@code @BeforeAll}, a timeout): closing it takes the lab down. A lab that cannot
 * come up fails the class with netlab's reason; it is never skipped.
 */
public final class NetlabExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NetlabExtension.class);

    /** Made by JUnit, through {@link NetlabTopology}. */
    public NetlabExtension() {}

    @Override
    public void beforeAll(ExtensionContext context) {
        NetlabTopology topology = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), NetlabTopology.class)
                .orElseThrow(() -> new ExtensionConfigurationException("NetlabExtension needs @NetlabTopology on "
                        + context.getRequiredTestClass().getName()));
        // JUnit closes an AutoCloseable value of the store when the class's context ends.
        context.getStore(NAMESPACE).put(Lab.class, Lab.up(Path.of(topology.value())));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Lab.class || (type == LabNode.class && parameter.isAnnotated(Node.class));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Lab lab = context.getStore(NAMESPACE).get(Lab.class, Lab.class);
        if (lab == null) {
            throw new ExtensionConfigurationException("no lab is up for " + context.getRequiredTestClass().getName());
        }
        if (parameter.getParameter().getType() == Lab.class) {
            return lab;
        }
        return lab.node(parameter.findAnnotation(Node.class).orElseThrow().value());
    }
}

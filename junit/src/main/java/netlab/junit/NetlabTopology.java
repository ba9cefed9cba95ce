package netlab.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class gets a real network lab: the topology file at {@link #value()} (relative to the
 * working directory, where Maven runs a module's tests) is brought up before the class's first
 * test and taken down after its last, whatever happened in between. Test constructors and
 * methods may take the {@link netlab.api.Lab} and, with {@link Node}, a {@link netlab.api.LabNode}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(NetlabExtension.class)
public @interface NetlabTopology {
    /**
     * The topology file.
     *
     * @return its path, relative to the working directory
     */
    String value();
}

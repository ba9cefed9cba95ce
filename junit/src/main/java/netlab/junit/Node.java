package netlab.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Which node of the class's lab a {@link netlab.api.LabNode} parameter is: {@code @Node("ns1") LabNode ns1}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Node {
    /**
     * The node's name.
     *
     * @return its name in the lab's file
     */
    String value();
}

package netlab.partition.parts;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import org.junit.jupiter.api.Test;

/** Which bases a lab's VNIs fit from, and the refusal's words. */
class VniBaseTest {
    @Test
    void theLastBaseThatFitsIsTheLimitLessTheVnisNeeded() {
        assertThatNoException().isThrownBy(() -> VniBase.requireFits(1, 1));
        assertThatNoException().isThrownBy(() -> VniBase.requireFits(16777213, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> VniBase.requireFits(16777214, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> VniBase.requireFits(0, 0));
    }

    @Test
    void theRefusalAgreesInNumber() {
        assertThatIllegalArgumentException().isThrownBy(() -> VniBase.requireFits(0, 1))
                .withMessage("the lab's 1 VNI from 0 does not fit in 1..16777215; take a base of 1..16777215");
        assertThatIllegalArgumentException().isThrownBy(() -> VniBase.requireFits(16777214, 3))
                .withMessage("the lab's 3 VNIs from 16777214 do not fit in 1..16777215; take a base of 1..16777213");
    }
}

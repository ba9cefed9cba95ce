package netlab.executor;

import java.util.Optional;
import netlab.plan.Plan;

/**
 * What {@code show} compares the kernel with: the plan of the lab's file, or why there is none
 * (the file is gone, no longer reads, or now names another lab).
 */
public record PlanToCompare(Optional<Plan> plan, Optional<String> whyNot) {
    public static PlanToCompare of(Plan plan) {
        return new PlanToCompare(Optional.of(plan), Optional.empty());
    }

    public static PlanToCompare none(String why) {
        return new PlanToCompare(Optional.empty(), Optional.of(why));
    }
}

package netlab.junit;

import java.nio.file.Path;
import netlab.api.Lab;

/** A JVM that brings a lab up, says so, and waits to be ended (ShutdownTakesTheLabDownTest). */
public final class HoldsALab {
    private HoldsALab() {}

    public static void main(String[] args) throws InterruptedException {
        Lab.up(Path.of(args[0]));
        System.out.println("up");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

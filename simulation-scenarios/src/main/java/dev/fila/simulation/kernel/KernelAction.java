package dev.fila.simulation.kernel;

/**
 * Something a driver scheduled on the kernel's clock (an arrival, a customer's decision). One instance
 * may serve many entries: {@code arg} tells them apart (typically a request id), so scheduling needs no
 * allocation.
 */
@FunctionalInterface
public interface KernelAction {

    void run(Kernel kernel, long nowMillis, long arg);
}

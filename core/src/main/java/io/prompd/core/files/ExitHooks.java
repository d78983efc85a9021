package io.prompd.core.files;

/**
 * Where a hook the JVM runs as it is stopped (Ctrl-C, {@code kill}) is registered for the time a step takes, then
 * taken back: the runtime's, or a test's, which runs the hooks when it likes, as a signal would midway through the
 * step.
 */
public interface ExitHooks {

    /** The JVM's own shutdown hooks. */
    ExitHooks RUNTIME = new ExitHooks() {
        @Override
        public void add(Thread hook) {
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void remove(Thread hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException stopping) {
                // the JVM runs the hook already: taking it back is what it is for
            }
        }
    };

    /** None: for what every later run sweeps anyway, such as the entries of prompd's own home. */
    ExitHooks NONE = new ExitHooks() {
        @Override
        public void add(Thread hook) {
        }

        @Override
        public void remove(Thread hook) {
        }
    };

    /**
     * Has {@code hook} run when the JVM is stopped.
     *
     * @throws IllegalStateException when the JVM is being stopped already, so that the step is not begun
     */
    void add(Thread hook);

    /** Takes {@code hook} back; nothing when the JVM is being stopped already, the hook running then. */
    void remove(Thread hook);
}

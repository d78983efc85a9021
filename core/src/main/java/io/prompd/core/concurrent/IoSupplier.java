package io.prompd.core.concurrent;

import java.io.IOException;

/** A computation that may fail with an {@link IOException}, to run on another thread. */
@FunctionalInterface
public interface IoSupplier<T> {

    T get() throws IOException;
}

/**
 * Work that runs on other threads and throws {@link java.io.IOException}s, which
 * {@link java.util.concurrent.CompletableFuture} and {@link java.util.concurrent.Future} carry
 * wrapped: {@link io.prompd.core.concurrent.Futures} wraps and unwraps them in one place. And the waits between
 * tries, {@link io.prompd.core.concurrent.Sleeper}, which tests pass in with a clock of their own.
 */
package io.prompd.core.concurrent;

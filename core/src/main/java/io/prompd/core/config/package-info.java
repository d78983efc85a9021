/**
 * What more than the client needs to know of a prompd home's {@code config.json}: its field names
 * ({@link io.prompd.core.config.ConfigFields}), which the client reads and writes, and by which the content rules of
 * {@code io.prompd.core.packaging} know a copy of the file holding credentials, to refuse it in a package.
 */
package io.prompd.core.config;

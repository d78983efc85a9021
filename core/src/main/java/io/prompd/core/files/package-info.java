/**
 * Files and folders that appear whole or not at all ({@link io.prompd.core.files.AtomicFiles}),
 * the one way prompd writes anything a reader or a later run may see.
 */
package io.prompd.core.files;

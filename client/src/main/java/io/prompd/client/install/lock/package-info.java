/**
 * {@code prompd.lock}: the model ({@link io.prompd.client.install.lock.LockFile}) and its one JSON
 * form ({@link io.prompd.client.install.lock.LockFiles}), sorted so that diffs stay small. A lock
 * pins what installing needs without the registry: version, absolute tarball URL, integrity and the
 * dependencies each version declares. It never holds a credential.
 */
package io.prompd.client.install.lock;

/**
 * The client's own rules for the files it keeps on this machine: what it keeps to its user alone (the credentials
 * file, and the cache and store, which hold what a private registry serves), how a lock of a folder on a disk
 * mounted read-only is named, how a pipe or a device standing where a file is read is named, and a link to nothing.
 */
package io.prompd.client.files;

/**
 * What the client keeps on this machine to its user alone: the credentials file, and the cache and
 * store, which hold what a private registry serves.
 */
package io.prompd.client.files;

package io.prompd.core.prompt;

/**
 * What a prompt points at: a file of its own package ({@link LocalReference}) or a file of
 * another package ({@link PackageReference}).
 */
public sealed interface Reference permits LocalReference, PackageReference {

    /** The reference exactly as the prompt wrote it, for messages. */
    String written();
}

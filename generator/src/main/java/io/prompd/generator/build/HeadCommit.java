package io.prompd.generator.build;

import io.prompd.core.TerminalText;
import io.prompd.generator.source.RegistryRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * The commit HEAD names, when a build is of another one: its meta.json files record the takedowns the build applies
 * too.
 *
 * @param commit the commit's id
 * @param branch the branch HEAD names, by its short name; empty when HEAD is detached
 */
public record HeadCommit(String commit, Optional<String> branch) {

    public HeadCommit {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(branch, "branch");
    }

    /**
     * HEAD with its branch and commit: on a clone with a work branch checked out, the takedowns are that branch's, and
     * the name tells the reader so.
     */
    public String named() {
        return "HEAD (" + branch.map(name -> "branch " + TerminalText.quoted(name) + ", ").orElse("") + "commit "
                + RegistryRepository.shortId(commit) + ")";
    }
}

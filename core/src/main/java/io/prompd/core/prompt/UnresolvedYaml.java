package io.prompd.core.prompt;

import io.prompd.core.problem.Pointer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The aliases ({@code *name}), merge keys ({@code <<: ...}) and tags ({@code !name}, {@code !!str}) of a front
 * matter, which prompd refuses. The tree it reads resolves none: an alias reads as its anchor's name and a merge key
 * as a key of its own, so that a prompt would validate, and be published, with values its author never wrote.
 * Resolving them instead would let a few lines expand into millions of nodes (the "billion laughs"), and the
 * registry's documents are JSON, which has no aliases: the author writes the value out. A tag is dropped, so that the
 * registry's JSON would serve {@code echo pwned} for {@code !!python/object:os.system "echo pwned"} while the tarball
 * keeps the tag, which another tool's safe loader refuses or reads as another type; JSON has no tags either. An
 * anchor alone ({@code &name}) changes nothing and is left alone.
 */
final class UnresolvedYaml {

    /** The prefix YAML gives a tag written {@code !!name}: tags of its own kinds of value. */
    private static final String YAML_TAG = "tag:yaml.org,2002:";

    /**
     * Where an alias, merge key or tag is written, a JSON pointer to the value it stands for (empty for a tag on the
     * whole front matter), and what to say.
     */
    record Found(String pointer, int line, String message, String hint) {
        Found {
            if (line < 1) {
                throw new IllegalArgumentException("what YAML does not resolve is at a line of the file: "
                        + pointer + " " + line);
            }
        }
    }

    /** An open map or list, with the key or index of the value read next in it. */
    private static final class Open {
        private final String pointer;
        private final boolean map;
        private boolean atKey = true;
        private String key = "";
        private int index = -1;

        private Open(String pointer, boolean map) {
            this.pointer = pointer;
            this.map = map;
        }
    }

    private UnresolvedYaml() {
    }

    /**
     * @param yaml      front matter that parsed
     * @param firstLine the file's line of its first line
     */
    static List<Found> in(String yaml, int firstLine) {
        // nearly every front matter has none, and a registry build reads tens of thousands
        if (yaml.indexOf('*') < 0 && !yaml.contains("<<") && yaml.indexOf('!') < 0) {
            return List.of();
        }
        List<Found> found = new ArrayList<>();
        List<String> merges = new ArrayList<>();
        Map<String, Integer> anchors = new HashMap<>();
        Deque<Open> open = new ArrayDeque<>();
        Parser parser = new ParserImpl(new StreamReader(yaml), new LoaderOptions());
        while (!parser.checkEvent(Event.ID.StreamEnd)) {
            Event event = parser.getEvent();
            int line = firstLine + event.getStartMark().getLine();
            if (event instanceof CollectionEndEvent) {
                open.pop();
            }
            if (!(event instanceof NodeEvent node)) {
                continue;
            }
            String pointer = next(open.peek(), event);
            tag(node).ifPresent(tag -> found.add(tagged(open.peek(), pointer, line, tag, node)));
            if (node instanceof AliasEvent alias) {
                Integer anchored = anchors.get(alias.getAnchor());
                // the value of a merge key is reported as the merge key
                if (merges.stream().noneMatch(merge -> Pointer.isWithin(pointer, merge))) {
                    found.add(new Found(pointer, line, "the YAML alias *" + alias.getAnchor()
                            + " is not supported in front matter", "write the value out here"
                            + (anchored == null ? "" : ", as the anchor &" + alias.getAnchor() + " on line " + anchored
                            + " gives it")));
                }
            } else if (node.getAnchor() != null) {
                anchors.put(node.getAnchor(), line);
            }
            if (node instanceof ScalarEvent scalar && scalar.isPlain() && scalar.getValue().equals("<<")
                    && open.peek() != null && open.peek().map && !open.peek().atKey) {
                merges.add(open.peek().pointer + Pointer.of("<<"));
                found.add(new Found(merges.get(merges.size() - 1), line,
                        "the YAML merge key << is not supported in front matter",
                        "write out in this map each key it would merge"));
            }
            if (node instanceof CollectionStartEvent) {
                open.push(new Open(pointer, node instanceof MappingStartEvent));
            }
        }
        return found;
    }

    /** The tag written on a node, {@code !name} or {@code !!str}; empty when it has none. */
    private static Optional<String> tag(NodeEvent node) {
        String tag = node instanceof ScalarEvent scalar ? scalar.getTag()
                : node instanceof CollectionStartEvent collection ? collection.getTag() : null;
        return Optional.ofNullable(tag).map(full -> full.startsWith(YAML_TAG)
                ? "!!" + full.substring(YAML_TAG.length()) : full);
    }

    /**
     * A tag, refused at the value it is written on, or at the value of the key it is written on: the tree drops it,
     * reading the value as if it were not there.
     */
    private static Found tagged(Open holder, String pointer, int line, String tag, NodeEvent node) {
        boolean key = holder != null && holder.map && !holder.atKey;
        String quote = node instanceof ScalarEvent ? ", or quote the value if its text is to start with '!' (\""
                + tag + " ...\")" : "";
        return new Found(key ? pointer + Pointer.of(holder.key) : pointer, line, "the YAML tag " + tag
                + " is not supported in front matter: prompd does not resolve tags, and the registry's JSON documents"
                + " have none", "remove the tag" + quote);
    }

    /** The pointer of the node {@code event} starts in {@code holder}, moving on to the next key or index. */
    private static String next(Open holder, Event event) {
        if (holder == null) {
            return "";
        }
        if (!holder.map) {
            holder.index++;
            return holder.pointer + "/" + holder.index;
        }
        holder.atKey = !holder.atKey;
        if (!holder.atKey) {
            // a key is a scalar in front matter: the tree prompd reads refuses any other before this runs
            holder.key = event instanceof ScalarEvent scalar ? scalar.getValue() : "";
            return holder.pointer;
        }
        return holder.pointer + Pointer.of(holder.key);
    }
}

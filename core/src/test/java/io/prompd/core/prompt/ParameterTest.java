package io.prompd.core.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prompd.core.json.JsonTrees;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ParameterTest {

    @Test
    void aChangeToTheNodesItWasGivenDoesNotReachTheParameter() {
        ObjectNode allowed = JsonTrees.NODES.objectNode().put("size", "small");
        ObjectNode fallback = JsonTrees.NODES.objectNode().put("size", "small");
        Parameter parameter = new Parameter("shape", "object", false, Optional.of(fallback), Optional.empty(),
                Optional.of(List.of(allowed)), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), Optional.empty(), "/parameters/0");

        allowed.put("size", "large");
        fallback.put("size", "large");

        assertEquals("small", parameter.enumValues().orElseThrow().get(0).get("size").asText());
        assertEquals("small", parameter.defaultValue().orElseThrow().get("size").asText());
    }
}

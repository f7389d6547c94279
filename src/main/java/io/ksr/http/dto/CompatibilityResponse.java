package io.ksr.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer of the compatibility endpoints.
 *
 * @param messages the problems found, only with {@code verbose=true} (then an empty list when
 *     compatible)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompatibilityResponse(
    @JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {}

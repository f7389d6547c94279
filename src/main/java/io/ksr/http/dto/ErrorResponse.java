package io.ksr.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Every error body: Confluent's code and a message saying what was wrong. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {}

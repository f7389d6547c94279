package io.ksr.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code GET /v1/metadata/version}: the registry's version, and the commit it was built from. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ServerVersionResponse(String version, String commitId) {}

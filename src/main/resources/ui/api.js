// How the page reads the registry, and the URLs of its views.

/**
 * GETs a path of the REST API, relative to the page so that a proxy's path prefix is kept; the
 * browser adds the credentials that the page itself was loaded with.
 */
export async function api(path) {
  const response = await fetch("../" + path, {
    headers: { Accept: "application/vnd.schemaregistry.v1+json" },
  });
  let body = null;
  try {
    body = await response.json();
  } catch (ignored) {
    // Not JSON: a proxy's error page, say. The status below says what went wrong.
  }
  if (!response.ok) {
    const error = new Error(body && body.message ? body.message : "HTTP " + response.status);
    error.code = body && body.error_code;
    throw error;
  }
  return body;
}

/** The API path of a subject, which may contain "/" and any other character. */
export function subjectPath(subject) {
  return "subjects/" + encodeURIComponent(subject);
}

/** The hash of a subject's view. */
export function subjectLink(subject, version) {
  const base = "#/" + subjectPath(subject);
  return version == null ? base : base + "/versions/" + version;
}

/** The hash of the diff between two versions of a subject. */
export function diffLink(subject, from, to) {
  return "#/" + subjectPath(subject) + "/diff/" + from + "/" + to;
}

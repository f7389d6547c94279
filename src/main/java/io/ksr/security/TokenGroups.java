package io.ksr.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The groups a token's claim lists: an array of strings, or one string of names separated by spaces
 * as OAuth writes scopes. A claim name with dots that is not itself a claim is a path into nested
 * objects, such as Keycloak's {@code realm_access.roles}.
 */
final class TokenGroups {
  private TokenGroups() {}

  /**
   * The groups in {@code claims} under {@code claim}; none when it is missing or of another type.
   */
  static Set<String> of(final Map<String, Object> claims, final String claim) {
    final Set<String> groups = new LinkedHashSet<>();
    final Object value = find(claims, claim);
    if (value instanceof String names) {
      groups.addAll(Arrays.asList(names.strip().split("\\s+")));
    } else if (value instanceof List<?> list) {
      list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(groups::add);
    }
    groups.removeIf(String::isBlank);
    return groups;
  }

  private static Object find(final Map<String, Object> claims, final String claim) {
    if (claims.containsKey(claim) || !claim.contains(".")) {
      return claims.get(claim);
    }
    Object current = claims;
    for (final String step : claim.split("\\.")) {
      if (!(current instanceof Map<?, ?> object)) {
        return null;
      }
      current = object.get(step);
    }
    return current;
  }
}

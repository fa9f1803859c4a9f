package org.modelregistry.domain.workspace;

import java.util.List;
import org.modelregistry.domain.error.Violations;

/**
 * Decides whether a model may set {@code trust_remote_code}: only when its fileset's source matches
 * one of the pre-approved source patterns of the server configuration, or the caller is an
 * administrator. A model without a fileset, or with a fileset in the registry's own store, has no
 * approvable source.
 */
public record TrustRemoteCodePolicy(List<SourceGlob> approvedSources) {

  /** The violation type of a refusal. */
  public static final String NOT_ALLOWED = "trust_remote_code_not_allowed";

  /** A policy that approves no source: only administrators may trust remote code. */
  public static final TrustRemoteCodePolicy ADMIN_ONLY = new TrustRemoteCodePolicy(List.of());

  public TrustRemoteCodePolicy {
    approvedSources = approvedSources == null ? List.of() : List.copyOf(approvedSources);
  }

  /** A policy from configured pattern strings. */
  public static TrustRemoteCodePolicy of(String... patterns) {
    return new TrustRemoteCodePolicy(
        java.util.Arrays.stream(patterns).map(SourceGlob::new).toList());
  }

  /** Whether {@code sourceUri} (null when there is none) matches an approved pattern. */
  public boolean isApproved(String sourceUri) {
    return approvedSources.stream().anyMatch(glob -> glob.matches(sourceUri));
  }

  /**
   * Records a violation at {@code trust_remote_code} below {@code at} when the flag is set but the
   * source is not approved and the caller is not an administrator.
   *
   * @param filesetSourceUri the fileset's source ({@link FilesetStorage#sourceUri()}), or null
   */
  public void check(
      boolean trustRemoteCode, String filesetSourceUri, boolean callerIsAdmin, Violations at) {
    if (trustRemoteCode && !callerIsAdmin && !isApproved(filesetSourceUri)) {
      at.add(
          NOT_ALLOWED,
          "trust_remote_code may be true only when the model's fileset source is pre-approved in"
              + " the server configuration, or when the caller is an administrator",
          "trust_remote_code");
    }
  }
}

package org.modelregistry.adapter.http;

import java.util.List;
import org.modelregistry.domain.identity.ApiKey;
import org.modelregistry.domain.identity.AuditEntry;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.identity.IssuedApiKey;
import org.modelregistry.ports.paging.Page;

/**
 * The admin routes' answers. A key's record is rendered without its hash; the key itself appears
 * only in {@link IssuedKeyResponse}, the answer to issuing it.
 */
final class IdentityResponses {

  private IdentityResponses() {}

  record IdentityResponse(
      String id,
      String displayName,
      String type,
      List<String> accounts,
      List<String> workspaces,
      boolean admin,
      String createdAt) {

    static IdentityResponse from(Identity identity) {
      return new IdentityResponse(
          identity.id(),
          identity.displayName(),
          identity.type().wireValue(),
          List.copyOf(identity.accounts()),
          List.copyOf(identity.workspaces()),
          identity.admin(),
          WireTime.format(identity.createdAt()));
    }
  }

  /** A key's public record: never its hash, never the key. */
  record ApiKeyResponse(
      String prefix,
      String identityId,
      String name,
      String createdAt,
      String expiresAt,
      String revokedAt) {

    static ApiKeyResponse from(ApiKey key) {
      return new ApiKeyResponse(
          key.prefix(),
          key.identityId(),
          key.name(),
          WireTime.format(key.createdAt()),
          key.expiresAt().map(WireTime::format).orElse(null),
          key.revokedAt().map(WireTime::format).orElse(null));
    }
  }

  /** The one answer that holds a key. */
  record IssuedKeyResponse(
      String key,
      String prefix,
      String identityId,
      String name,
      String createdAt,
      String expiresAt) {

    static IssuedKeyResponse from(IssuedApiKey issued) {
      ApiKey key = issued.key();
      return new IssuedKeyResponse(
          issued.secret().reveal(),
          key.prefix(),
          key.identityId(),
          key.name(),
          WireTime.format(key.createdAt()),
          key.expiresAt().map(WireTime::format).orElse(null));
    }
  }

  record AuditEntryResponse(
      String at, String actorId, String actorType, String action, String target, int status) {

    static AuditEntryResponse from(AuditEntry entry) {
      return new AuditEntryResponse(
          WireTime.format(entry.at()),
          entry.actor().map(a -> a.userId()).orElse(null),
          entry.actor().map(a -> a.identityType().wireValue()).orElse(null),
          entry.action(),
          entry.target(),
          entry.status());
    }
  }

  /** A list: {@code {"items": [...]}}. */
  record Items<T>(List<T> items) {}

  /** One page of the audit log, newest first, with the count of all entries it selects. */
  record AuditPage(List<AuditEntryResponse> items, int page, int pageSize, long total) {

    static AuditPage from(Page<AuditEntry> page) {
      return new AuditPage(
          page.items().stream().map(AuditEntryResponse::from).toList(),
          page.currentPage(),
          page.itemsPerPage(),
          page.totalItemCount());
    }
  }
}

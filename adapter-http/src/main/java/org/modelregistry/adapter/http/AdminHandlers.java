package org.modelregistry.adapter.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.modelregistry.adapter.http.IdentityResponses.ApiKeyResponse;
import org.modelregistry.adapter.http.IdentityResponses.AuditPage;
import org.modelregistry.adapter.http.IdentityResponses.IdentityResponse;
import org.modelregistry.adapter.http.IdentityResponses.IssuedKeyResponse;
import org.modelregistry.adapter.http.IdentityResponses.Items;
import org.modelregistry.domain.error.ForbiddenException;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.Identity;
import org.modelregistry.ports.in.IdentityUseCases;
import org.modelregistry.ports.in.identity.AuditQuery;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin routes under {@code /admin}: identities, their API keys and the audit log. The use
 * cases decide who may do what (administrators everything; anyone its own keys); a request without
 * an authenticated identity (the fixed local actor has none) is refused with 403. Failures answer
 * in the template and model family's shape, as every path outside {@code /api} does.
 */
final class AdminHandlers {

  static final String ID = "id";
  static final String PREFIX = "prefix";

  static final String IDENTITIES = "/admin/identities";
  static final String IDENTITY = IDENTITIES + "/{" + ID + "}";
  static final String IDENTITY_KEYS = IDENTITY + "/keys";
  static final String KEY = "/admin/keys/{" + PREFIX + "}";
  static final String AUDIT = "/admin/audit";

  private final IdentityUseCases useCases;
  private final JsonBodyReader reader;
  private final JsonCodec codec;
  private final IdentitySource identities;

  AdminHandlers(
      IdentityUseCases useCases,
      JsonBodyReader reader,
      JsonCodec codec,
      IdentitySource identities) {
    this.useCases = useCases;
    this.reader = reader;
    this.codec = codec;
    this.identities = identities;
  }

  void createIdentity(Context ctx) {
    Identity caller = caller(ctx);
    var identity = IdentityDocuments.newIdentity(reader.read(ctx));
    Identity created = useCases.createIdentity().create(caller, identity);
    ctx.status(HttpStatus.CREATED).json(IdentityResponse.from(created));
  }

  void listIdentities(Context ctx) {
    var found = useCases.listIdentities().list(caller(ctx));
    ctx.json(new Items<>(found.stream().map(IdentityResponse::from).toList()));
  }

  void updateIdentity(Context ctx) {
    Identity caller = caller(ctx);
    var patch = IdentityDocuments.patch(reader.read(ctx));
    Identity updated = useCases.updateIdentity().update(caller, ctx.pathParam(ID), patch);
    ctx.json(IdentityResponse.from(updated));
  }

  void issueKey(Context ctx) {
    Identity caller = caller(ctx);
    // The body is optional: no body asks for an unnamed key that never expires.
    ObjectNode body = hasBody(ctx) ? reader.read(ctx) : codec.mapper().createObjectNode();
    var key = IdentityDocuments.newKey(ctx.pathParam(ID), body);
    var issued = useCases.issueKey().issue(caller, key);
    // The one answer that holds a key: no cache may keep it.
    ctx.header("Cache-Control", "no-store");
    ctx.status(HttpStatus.CREATED).json(IssuedKeyResponse.from(issued));
  }

  void listKeys(Context ctx) {
    var keys = useCases.listKeys().list(caller(ctx), ctx.pathParam(ID));
    ctx.json(new Items<>(keys.stream().map(ApiKeyResponse::from).toList()));
  }

  void revokeKey(Context ctx) {
    var revoked = useCases.revokeKey().revoke(caller(ctx), ctx.pathParam(PREFIX));
    ctx.json(ApiKeyResponse.from(revoked));
  }

  void listAudit(Context ctx) {
    QueryParams params = new QueryParams(ctx);
    int page = params.integerBetween("page", 1, Integer.MAX_VALUE, 1);
    int pageSize =
        params.integerBetween(
            "page_size", 1, AuditQuery.MAX_PAGE_SIZE, AuditQuery.DEFAULT_PAGE_SIZE);
    Optional<String> actor = params.nonEmpty("actor", Actor.MAX_USER_ID_LENGTH);
    params.throwIfAny();
    Identity caller = caller(ctx);
    var found =
        useCases.listAudit().list(caller, new AuditQuery(actor, Optional.empty(), page, pageSize));
    ctx.json(AuditPage.from(found));
  }

  private Identity caller(Context ctx) {
    return identities
        .identityOf(ctx)
        .orElseThrow(
            () -> new ForbiddenException("managing identities needs an authenticated identity"));
  }

  private static boolean hasBody(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    return length > 0 || (length < 0 && ctx.header("Transfer-Encoding") != null);
  }
}

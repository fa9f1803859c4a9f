package org.modelregistry.ports.in;

import java.util.Objects;
import org.modelregistry.ports.in.identity.AuthenticateUseCase;
import org.modelregistry.ports.in.identity.CreateIdentityUseCase;
import org.modelregistry.ports.in.identity.IssueApiKeyUseCase;
import org.modelregistry.ports.in.identity.ListApiKeysUseCase;
import org.modelregistry.ports.in.identity.ListAuditUseCase;
import org.modelregistry.ports.in.identity.ListIdentitiesUseCase;
import org.modelregistry.ports.in.identity.RecordAuditUseCase;
import org.modelregistry.ports.in.identity.RevokeApiKeyUseCase;
import org.modelregistry.ports.in.identity.UpdateIdentityUseCase;

/**
 * The driving ports of identities, API keys and the audit log: authenticating a presented key,
 * managing identities and their keys (the HTTP API's routes under {@code /admin}), and the audit
 * trail of mutations.
 */
public record IdentityUseCases(
    AuthenticateUseCase authenticate,
    CreateIdentityUseCase createIdentity,
    UpdateIdentityUseCase updateIdentity,
    ListIdentitiesUseCase listIdentities,
    IssueApiKeyUseCase issueKey,
    RevokeApiKeyUseCase revokeKey,
    ListApiKeysUseCase listKeys,
    RecordAuditUseCase recordAudit,
    ListAuditUseCase listAudit) {

  public IdentityUseCases {
    Objects.requireNonNull(authenticate, "authenticate");
    Objects.requireNonNull(createIdentity, "createIdentity");
    Objects.requireNonNull(updateIdentity, "updateIdentity");
    Objects.requireNonNull(listIdentities, "listIdentities");
    Objects.requireNonNull(issueKey, "issueKey");
    Objects.requireNonNull(revokeKey, "revokeKey");
    Objects.requireNonNull(listKeys, "listKeys");
    Objects.requireNonNull(recordAudit, "recordAudit");
    Objects.requireNonNull(listAudit, "listAudit");
  }
}

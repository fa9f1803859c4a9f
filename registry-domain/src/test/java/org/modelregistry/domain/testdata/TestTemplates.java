package org.modelregistry.domain.testdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.modelregistry.domain.identity.Actor;
import org.modelregistry.domain.identity.IdentityType;
import org.modelregistry.domain.naming.ResourceName;
import org.modelregistry.domain.template.BundleConfig;
import org.modelregistry.domain.template.EndpointProtocol;
import org.modelregistry.domain.template.EndpointType;
import org.modelregistry.domain.template.ModelType;
import org.modelregistry.domain.template.ParameterField;
import org.modelregistry.domain.template.ParameterSchema;
import org.modelregistry.domain.template.ParameterType;
import org.modelregistry.domain.template.Template;
import org.modelregistry.domain.template.TemplateDefinition;
import org.modelregistry.domain.template.VendorConfiguration;

/** Test data builder for templates: sensible defaults, override what a test is about. */
public final class TestTemplates {

  public static final Actor ALICE = new Actor("alice", IdentityType.USER);
  public static final String ACCOUNT = "acct-1";

  private String id = UUID.randomUUID().toString();
  private String accountId = ACCOUNT;
  private String name = "template-" + UUID.randomUUID().toString().substring(0, 8);
  private EndpointType endpointType = EndpointType.SYNC;
  private ModelType modelType = ModelType.COMPLETION;
  private VendorConfiguration vendorConfiguration =
      VendorConfiguration.launch(BundleConfig.of("registry.example", "llm-server", "1.0"));
  private final List<ParameterField> creationParameters = new ArrayList<>();
  private final List<ParameterField> requestParameters = new ArrayList<>();
  private boolean creationSchemaGiven;
  private boolean requestSchemaGiven;
  private EndpointProtocol endpointProtocol;
  private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
  private Actor createdBy = ALICE;

  private TestTemplates() {}

  public static TestTemplates aTemplate() {
    return new TestTemplates();
  }

  public TestTemplates withId(String id) {
    this.id = id;
    return this;
  }

  public TestTemplates withAccountId(String accountId) {
    this.accountId = accountId;
    return this;
  }

  public TestTemplates withName(String name) {
    this.name = name;
    return this;
  }

  public TestTemplates withEndpointType(EndpointType endpointType) {
    this.endpointType = endpointType;
    return this;
  }

  public TestTemplates withModelType(ModelType modelType) {
    this.modelType = modelType;
    return this;
  }

  public TestTemplates withVendorConfiguration(VendorConfiguration vendorConfiguration) {
    this.vendorConfiguration = vendorConfiguration;
    return this;
  }

  public TestTemplates withCreationParameter(String name, ParameterType type, boolean required) {
    creationSchemaGiven = true;
    creationParameters.add(new ParameterField(name, type, "the " + name, required));
    return this;
  }

  public TestTemplates withRequestParameter(String name, ParameterType type, boolean required) {
    requestSchemaGiven = true;
    requestParameters.add(new ParameterField(name, type, "the " + name, required));
    return this;
  }

  public TestTemplates withEndpointProtocol(EndpointProtocol endpointProtocol) {
    this.endpointProtocol = endpointProtocol;
    return this;
  }

  public TestTemplates createdAt(Instant createdAt) {
    this.createdAt = createdAt;
    return this;
  }

  public TestTemplates createdBy(Actor createdBy) {
    this.createdBy = createdBy;
    return this;
  }

  public TemplateDefinition definition() {
    return new TemplateDefinition(
        accountId,
        new ResourceName(name),
        endpointType,
        modelType,
        vendorConfiguration,
        creationSchemaGiven ? new ParameterSchema(creationParameters) : null,
        requestSchemaGiven ? new ParameterSchema(requestParameters) : null,
        endpointProtocol);
  }

  public Template build() {
    return Template.reconstitute(id, definition(), createdAt, createdBy);
  }
}

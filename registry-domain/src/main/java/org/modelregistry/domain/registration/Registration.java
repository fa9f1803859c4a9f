package org.modelregistry.domain.registration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.modelregistry.domain.error.Violations;
import org.modelregistry.domain.naming.FilePath;
import org.modelregistry.domain.naming.ResourceName;

/**
 * A validated request to register one version of a model, whichever route it came through. Every
 * file the configuration and the metainfo name must be a target of {@code files}. The metainfo is
 * absent for registrations through the older route, which has none; a null visibility means the
 * default (private) and a null description the empty one. Violation paths are those of the
 * versioned registration document.
 */
public record Registration(
    ResourceName name,
    VersionName version,
    Visibility visibility,
    String description,
    ModelMetainfo metainfo,
    RegistrationConfig config,
    List<ModelFileSpec> files) {

  public Registration {
    var violations = Violations.collect();
    violations.require(name != null, Violations.MISSING, "name is required", "name");
    violations.require(version != null, Violations.MISSING, "version is required", "version");
    RegistrationRules.checkDescription(description, violations.at("model_metainfo", "description"));
    violations.require(
        config != null, Violations.MISSING, "model_config is required", "model_config");
    if (files == null) {
      violations.add(Violations.MISSING, "model_files is required", "model_files");
    } else {
      RegistrationRules.checkTargets(
          files.stream().map(ModelFileSpec::target).toList(), violations.at("model_files"));
      if (config != null) {
        RegistrationRules.checkReferences(references(config, metainfo), targets(files), violations);
      }
    }
    violations.throwIfAny();
    visibility = visibility == null ? Visibility.DEFAULT : visibility;
    description = description == null ? "" : description;
    files = List.copyOf(files);
  }

  /** The target names of the files, in registration order. */
  public Set<FilePath> fileTargets() {
    return targets(files);
  }

  static List<RegistrationRules.FileReference> references(
      RegistrationConfig config, ModelMetainfo metainfo) {
    var references = new ArrayList<>(config.fileReferences());
    if (metainfo != null) {
      references.addAll(metainfo.fileReferences());
    }
    return references;
  }

  private static Set<FilePath> targets(List<ModelFileSpec> files) {
    var targets = new LinkedHashSet<FilePath>();
    files.forEach(file -> targets.add(file.target()));
    return Collections.unmodifiableSet(targets);
  }
}

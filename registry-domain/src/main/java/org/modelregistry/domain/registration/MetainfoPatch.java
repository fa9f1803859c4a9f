package org.modelregistry.domain.registration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.modelregistry.domain.naming.FilePath;

/**
 * A partial update of a version's metainfo: every null field keeps its current value; an empty
 * language list clears the languages.
 */
public record MetainfoPatch(
    FilePath indexPageFile,
    List<DataKind> inputTypes,
    List<String> inputLanguages,
    String inputDescription,
    List<DataKind> outputTypes,
    List<String> outputLanguages,
    String outputDescription,
    Long numParams) {

  public static final MetainfoPatch EMPTY =
      new MetainfoPatch(null, null, null, null, null, null, null, null);

  public MetainfoPatch {
    // Copies keep the patch immutable; null items are left to ModelMetainfo to report.
    inputTypes = copy(inputTypes);
    inputLanguages = copy(inputLanguages);
    outputTypes = copy(outputTypes);
    outputLanguages = copy(outputLanguages);
  }

  public boolean isEmpty() {
    return equals(EMPTY);
  }

  /**
   * The metainfo that results from applying this patch to {@code current}, which is null for a
   * version registered without metainfo (then the patch must supply every required field).
   *
   * @throws org.modelregistry.domain.error.ValidationException when the result breaks a metainfo
   *     rule; paths are relative to the metainfo
   */
  public ModelMetainfo applyTo(ModelMetainfo current) {
    if (current == null) {
      return new ModelMetainfo(
          indexPageFile,
          inputTypes,
          inputLanguages,
          inputDescription,
          outputTypes,
          outputLanguages,
          outputDescription,
          numParams);
    }
    return new ModelMetainfo(
        keep(indexPageFile, current.indexPageFile()),
        keep(inputTypes, current.inputTypes()),
        keep(inputLanguages, current.inputLanguages()),
        keep(inputDescription, current.inputDescription()),
        keep(outputTypes, current.outputTypes()),
        keep(outputLanguages, current.outputLanguages()),
        keep(outputDescription, current.outputDescription()),
        keep(numParams, current.numParams()));
  }

  private static <T> T keep(T patched, T current) {
    return patched != null ? patched : current;
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }
}

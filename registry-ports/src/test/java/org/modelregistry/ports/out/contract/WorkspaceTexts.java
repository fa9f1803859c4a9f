package org.modelregistry.ports.out.contract;

import java.util.List;
import java.util.Optional;
import org.modelregistry.ports.in.workspace.TextMatch;

/** Text matches for the workspace contract suites. */
final class WorkspaceTexts {

  private WorkspaceTexts() {}

  static TextMatch eq(String value) {
    return TextMatch.equalTo(value);
  }

  static TextMatch like(String pattern) {
    return new TextMatch(Optional.empty(), Optional.of(pattern), List.of(), List.of());
  }

  static TextMatch in(String... values) {
    return new TextMatch(Optional.empty(), Optional.empty(), List.of(values), List.of());
  }

  static TextMatch notIn(String... values) {
    return new TextMatch(Optional.empty(), Optional.empty(), List.of(), List.of(values));
  }
}

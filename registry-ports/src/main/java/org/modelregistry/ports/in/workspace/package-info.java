/**
 * The workspace API's use cases: model entities, their adapters, filesets and fileset files. Every
 * use case takes the {@link org.modelregistry.domain.identity.Caller}: what lies in a workspace it
 * is not a member of is not found (lists come back empty), exactly as what does not exist, and it
 * may create only in its own workspaces. References to filesets and base models follow the same
 * rule, so that no model can read or name what its creator may not see.
 */
package org.modelregistry.ports.in.workspace;

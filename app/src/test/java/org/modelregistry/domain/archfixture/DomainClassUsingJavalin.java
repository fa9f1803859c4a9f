package org.modelregistry.domain.archfixture;

import io.javalin.Javalin;

/** A deliberately bad domain class: it reaches for the web framework. Used only by a test. */
public class DomainClassUsingJavalin {

  private Javalin server;

  public Javalin server() {
    return server;
  }
}

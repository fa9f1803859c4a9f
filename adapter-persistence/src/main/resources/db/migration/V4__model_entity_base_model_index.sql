-- Deleting a model entity first asks whether another names it as its base_model.
CREATE INDEX ix_model_entities_base_model ON model_entities (base_model);

package org.modelregistry.adapter.persistence;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.Table;
import org.jooq.TableRecord;

/** Inserting many rows without touching the records, so that a transaction run again can too. */
final class Inserts {

  /** Rows per statement: far below any database's limit on bound values. */
  static final int ROWS_PER_STATEMENT = 500;

  private Inserts() {}

  /**
   * Inserts {@code records} into {@code table} in multi-row statements. Unlike {@code
   * DSLContext.batchInsert}, which marks the records stored, this leaves them as they were: a
   * transaction that PostgreSQL makes run again inserts the same values again.
   */
  static <R extends TableRecord<R>> void all(DSLContext dsl, Table<R> table, List<R> records) {
    for (int from = 0; from < records.size(); from += ROWS_PER_STATEMENT) {
      List<R> chunk = records.subList(from, Math.min(records.size(), from + ROWS_PER_STATEMENT));
      InsertSetMoreStep<R> insert = dsl.insertInto(table).set(chunk.get(0));
      for (R record : chunk.subList(1, chunk.size())) {
        insert = insert.newRecord().set(record);
      }
      insert.execute();
    }
  }
}

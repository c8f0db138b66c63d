/**
 * Drizzle prepared queries, one per shape of a query. A shape is what changes the SQL's text (a sort, a
 * filter being there or not, a signed-in viewer); the values go in placeholders and are bound at each
 * run. Building a query with drizzle costs more than running it on a hot page: this builds each shape
 * once. The SQL sent is the one drizzle would build every time.
 */
export type PreparedRun<Row> = { execute: (values?: Record<string, unknown>) => Promise<Row[]> };

export function preparedByShape<Row>(name: string, { maxShapes = 500 } = {}) {
  const shapes = new Map<string, PreparedRun<Row>>();
  let made = 0;
  return (shape: string, build: () => { prepare: (name: string) => unknown }): PreparedRun<Row> => {
    let prepared = shapes.get(shape);
    if (!prepared) {
      // Shapes are few by design; the bound only guards against a flood of odd ones.
      if (shapes.size >= maxShapes) shapes.clear();
      prepared = build().prepare(`${name}_${made++}`) as PreparedRun<Row>;
      shapes.set(shape, prepared);
    }
    return prepared;
  };
}

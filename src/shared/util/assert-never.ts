/**
 * Ends an exhaustive `switch` over a discriminated union (house rule 6): adding a member to the union makes
 * every switch that forgot it fail to compile, and a value that slips through at run time throws.
 */
export function assertNever(x: never): never {
  let shown: string;
  try {
    shown = JSON.stringify(x) ?? String(x);
  } catch {
    shown = String(x);
  }
  throw new Error(`Giá trị không được xử lý (unexpected value): ${shown}`);
}

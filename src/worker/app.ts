/**
 * Combining the worker's feature modules into one API (after Actual's `app.combine()` and
 * `Handlers = A & B` in packages/loot-core): each feature (import, workspace, retention, and
 * later churn, segments, CLV ...) is a module exporting a handler object; `combineApis` merges
 * them and refuses a method name defined twice, so two features can never shadow each other.
 */

// Handlers are functions of any arity; their exact types are kept by the generic.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handlers = Record<string, (...args: any[]) => unknown>;

/** The intersection of several handler objects' types. */
type Combined<T extends readonly Handlers[]> = T extends readonly [infer H, ...infer R extends readonly Handlers[]] ? H & Combined<R> : unknown;

/**
 * One API object from feature modules.
 *
 * @throws Error "worker method 'x' is defined twice (features 1 and 3)"
 */
export function combineApis<T extends readonly Handlers[]>(...apis: T): Combined<T> {
  const out: Handlers = Object.create(null) as Handlers;
  const owner = new Map<string, number>();
  apis.forEach((api, i) => {
    for (const [name, fn] of Object.entries(api)) {
      const first = owner.get(name);
      if (first !== undefined) throw new Error(`worker method '${name}' is defined twice (features ${first + 1} and ${i + 1})`);
      owner.set(name, i);
      out[name] = fn;
    }
  });
  return out as Combined<T>;
}

/**
 * The three Reflect metadata functions tsyringe (a dependency of @peculiar/x509) checks for at load time.
 * pdf-signing.md §3.1 notes that @peculiar/x509 throws without `reflect-metadata`; that package is not a
 * dependency here, and tsyringe only needs define/get/getOwn on constructor functions, so a WeakMap does.
 * Import this module before @peculiar/x509 (cert-info.ts does).
 */
type MetadataMap = Map<unknown, unknown>;
const store = new WeakMap<object, MetadataMap>();

interface ReflectMetadata {
  defineMetadata(key: unknown, value: unknown, target: object): void;
  getOwnMetadata(key: unknown, target: object): unknown;
  getMetadata(key: unknown, target: object): unknown;
}

const reflect = Reflect as typeof Reflect & Partial<ReflectMetadata>;
if (typeof reflect.getMetadata !== 'function') {
  const own = (key: unknown, target: object): unknown => store.get(target)?.get(key);
  Object.assign(Reflect, {
    defineMetadata(key: unknown, value: unknown, target: object): void {
      const map = store.get(target) ?? new Map<unknown, unknown>();
      map.set(key, value);
      store.set(target, map);
    },
    getOwnMetadata: own,
    getMetadata(key: unknown, target: object): unknown {
      for (let t: object | null = target; t !== null; t = Object.getPrototypeOf(t) as object | null) {
        const value = own(key, t);
        if (value !== undefined) return value;
      }
      return undefined;
    },
  } satisfies ReflectMetadata);
}

export {};

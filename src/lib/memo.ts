/**
 * `make`, worked out once per key object and remembered for as long as the key lives: for what a
 * build asks of one model (or one task) on every page.
 */
export function oncePer<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    if (made.has(key)) return made.get(key)!;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}

/**
 * Replaces a native constructor on the page with one that also runs `onConstruct`, and that
 * page script cannot tell from the native one by the usual probes: a Proxy keeps the name,
 * length, prototype, static members and `instanceof`; `prototype.constructor` points at the
 * replacement; and `Function.prototype.toString` (itself wrapped the same way) prints the
 * native source for both. What still differs is listed in docs/PRIVACY.md (stack frames of an
 * error thrown by the constructor, and another frame's `Function.prototype.toString`).
 */
export function wrapNativeConstructor<T extends abstract new (...args: never[]) => object>(
  win: Window & typeof globalThis,
  native: T,
  onConstruct: (instance: InstanceType<T>) => void,
): T {
  const wrapped = new Proxy(native, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget) as InstanceType<T>;
      onConstruct(instance);
      return instance;
    },
  });
  Object.defineProperty(native.prototype, 'constructor', { ...Object.getOwnPropertyDescriptor(native.prototype, 'constructor'), value: wrapped });
  disguiseToString(win, new Map<unknown, unknown>([[wrapped, native]]));
  return wrapped;
}

/** Makes `Function.prototype.toString` print, for each key of `stands`, its native value's source. */
function disguiseToString(win: Window & typeof globalThis, stands: Map<unknown, unknown>): void {
  const fnProto = win.Function.prototype as unknown as { toString: (...args: unknown[]) => string };
  const nativeToString = fnProto.toString;
  const wrappedToString = new Proxy(nativeToString, {
    apply(target, thisArg: unknown, args: unknown[]) {
      return Reflect.apply(target, stands.has(thisArg) ? stands.get(thisArg) : thisArg, args) as string;
    },
  });
  stands.set(wrappedToString, nativeToString);
  Object.defineProperty(fnProto, 'toString', { ...Object.getOwnPropertyDescriptor(fnProto, 'toString'), value: wrappedToString });
}

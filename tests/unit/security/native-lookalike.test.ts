import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { wrapNativeConstructor } from '../../../src/adapters/audio/native-lookalike';

/** A fresh realm stands in for the call page (its own Function.prototype.toString). */
function pageRealm() {
  const context = createContext({});
  const win = runInContext('globalThis', context) as Window & typeof globalThis;
  return { win, run: (code: string): unknown => runInContext(code, context) };
}

describe('the wrapped RTCPeerConnection looks native to page script (issue 17.6)', () => {
  it('keeps name, length, toString, prototype, statics and instanceof, and still sees each instance', () => {
    const { win, run } = pageRealm();
    const Native = win.Map as unknown as new () => object;
    const before = run('({ src: Function.prototype.toString.call(Map), toStringSrc: Function.prototype.toString.toString(), name: Map.name, length: Map.length, keys: Object.getOwnPropertyNames(Map).join() })');
    const seen: object[] = [];
    (win as unknown as Record<string, unknown>).Map = wrapNativeConstructor(win, Native, (instance) => seen.push(instance));
    const after = run('({ src: Function.prototype.toString.call(Map), toStringSrc: Function.prototype.toString.toString(), name: Map.name, length: Map.length, keys: Object.getOwnPropertyNames(Map).join() })');
    expect(after).toEqual(before);
    expect(String(run('String(Map)'))).toBe('function Map() { [native code] }');
    expect(run('new Map() instanceof Map && new Map().constructor === Map && Map.prototype.constructor === Map')).toBe(true);
    expect(run('class Sub extends Map {}; new Sub() instanceof Sub')).toBe(true);
    expect(run('Object.getOwnPropertySymbols(Function.prototype).length + Object.getOwnPropertyNames(Function.prototype).length')).toBe(
      runInContext('Object.getOwnPropertySymbols(Function.prototype).length + Object.getOwnPropertyNames(Function.prototype).length', createContext({})),
    );
    expect(seen).toHaveLength(3);
    // Other functions still print their own source.
    expect(String(run('(function f(a) { return a })'))).toBe('function f(a) { return a }');
    expect(run('Function.prototype.toString.call(function g() {})')).toBe('function g() {}');
  });
});

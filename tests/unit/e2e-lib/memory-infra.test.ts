import { describe, expect, it } from 'vitest';
import { allocatorsOf } from '../../../scripts/lib/memory-infra';

/** bench:visit's allocator breakdown: one process's named allocators out of a memory-infra trace. */
describe('memory-infra dump parsing', () => {
  const dump = (pid: number, sizes: Record<string, number>) => ({
    ph: 'v',
    pid,
    args: { dumps: { allocators: Object.fromEntries(Object.entries(sizes).map(([name, bytes]) => [name, { attrs: { size: { value: bytes.toString(16) } } }])) } },
  });

  it('reads the named allocators of the asked process only, in MB', () => {
    const events = [
      { ph: 'X', pid: 7 },
      dump(8, { malloc: 99 * 2 ** 20 }),
      dump(7, { malloc: 40 * 2 ** 20, 'partition_alloc/partitions/array_buffer': 3 * 2 ** 19, 'malloc/partitions': 5 * 2 ** 20 }),
    ];
    const mb = allocatorsOf(events, 7);
    expect(Object.fromEntries(mb)).toEqual({ malloc: 40, 'partition_alloc/partitions/array_buffer': 1.5 });
  });

  it('gives nothing for a process without a dump', () => {
    expect(allocatorsOf([dump(8, { v8: 2 ** 20 })], 7).size).toBe(0);
  });
});

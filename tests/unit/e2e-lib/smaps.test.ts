import { describe, expect, it } from 'vitest';
import { changesByName, mappingChanges, parseSmaps } from '../../../scripts/lib/smaps';

/** bench:visit's look at the extension renderer's mappings: what grew outside the counted allocators. */
const mapping = (start: string, perms: string, name: string, sizeKb: number, pssKb: number) =>
  [`${start}-ffffffff ${perms} 00000000 00:00 0 ${name}`.trimEnd(), `Size: ${sizeKb} kB`, 'KernelPageSize: 4 kB', 'Rss: 1 kB', `Pss: ${pssKb} kB`, 'Pss_Dirty: 0 kB', 'VmFlags: rd wr mr mw me ac'].join('\n');

describe('smaps parsing and changes', () => {
  it('reads each mapping: start, size, Pss, permissions, name', () => {
    const text = [mapping('1000', 'r-xp', '/usr/lib/chromium/chromium', 2048, 512), mapping('7f00', 'rw-p', '', 131072, 130000), mapping('8000', 'rw-p', '[heap]', 64, 60)].join('\n');
    expect(parseSmaps(text)).toEqual([
      { start: '1000', sizeKb: 2048, pssKb: 512, perms: 'r-xp', name: '/usr/lib/chromium/chromium' },
      { start: '7f00', sizeKb: 131072, pssKb: 130000, perms: 'rw-p', name: '' },
      { start: '8000', sizeKb: 64, pssKb: 60, perms: 'rw-p', name: '[heap]' },
    ]);
  });

  it('matches mappings by start address, the largest change first, new and gone ones from or to 0', () => {
    const before = parseSmaps([mapping('7f00', 'rw-p', '', 131072, 130000), mapping('8000', 'rw-p', '[heap]', 64, 60), mapping('9000', 'rw-p', '', 100, 100)].join('\n'));
    const after = parseSmaps([mapping('7f00', 'rw-p', '', 163840, 150000), mapping('8000', 'rw-p', '[heap]', 64, 60), mapping('a000', 'rw-p', '', 2048, 2000)].join('\n'));
    const changes = mappingChanges(before, after);
    expect(changes.map((c) => [c.start, c.pssKb])).toEqual([
      ['7f00', [130000, 150000]],
      ['a000', [0, 2000]],
      ['9000', [100, 0]],
    ]);
    expect(changesByName(changes)).toEqual([
      ['anonymous (kept)', 20000],
      ['anonymous (new)', 2000],
      ['anonymous (gone)', -100],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { countByInterface } from '../../../scripts/lib/mojo-trace';

/** The e2e's and bench's count of mojo messages by interface, out of a `mojom` trace. */
describe('mojo messages by interface', () => {
  const received = (tag: string) => ({ name: 'Receive mojo message', args: { chrome_mojo_event_info: { mojo_interface_tag: tag } } });
  it('counts received messages per interface and ignores other events', () => {
    const events = [received('blink.mojom.AudioContextManager'), received('blink.mojom.AudioContextManager'), received('extensions.mojom.ServiceWorkerHost'), { name: 'Send mojo message', args: { chrome_mojo_event_info: { mojo_interface_tag: 'x' } } }, { name: 'Receive mojo message' }];
    expect(Object.fromEntries(countByInterface(events))).toEqual({ 'blink.mojom.AudioContextManager': 2, 'extensions.mojom.ServiceWorkerHost': 1 });
  });
});

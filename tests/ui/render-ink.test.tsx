import { Text } from 'ink';
import { describe, expect, it } from 'vitest';
import { useTerminalSize } from '../../src/ui/terminal-size.js';
import { renderInk } from './render-ink.js';

function SizeProbe(): React.ReactNode {
  const { columns, rows } = useTerminalSize();
  return <Text>{`size ${columns}x${rows}`}</Text>;
}

describe('renderInk helper', () => {
  it('supplies the terminal size and finds frames by polling', async () => {
    const h = renderInk(<SizeProbe />, { size: { columns: 120, rows: 40 } });
    expect(await h.waitForFrame((f) => f.includes('size'))).toContain('size 120x40');
    h.unmount();
  });
});

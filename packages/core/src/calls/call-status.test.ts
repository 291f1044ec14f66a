import { describe, expect, it } from 'vitest';
import { contractorMayMove, contractorPath, dispatcherMayClose } from './call-status.js';

describe('call lifecycle', () => {
  it('lets the contractor accept a New call and complete a Committed one, nothing else', () => {
    const statuses = ['New', 'Committed', 'Done', 'Closed'] as const;
    const allowed = statuses.flatMap((from) =>
      statuses.filter((to) => contractorMayMove(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(['New→Committed', 'Committed→Done']);
  });

  it('lets the dispatch centre close only a Done call', () => {
    expect(['New', 'Committed', 'Done', 'Closed'].filter((s) => dispatcherMayClose(s as never))).toEqual(['Done']);
  });

  it('walks the contractor path forward only (what a pulled status may do)', () => {
    expect(contractorPath('New', 'Done')).toEqual(['Committed', 'Done']);
    expect(contractorPath('New', 'Committed')).toEqual(['Committed']);
    expect(contractorPath('Committed', 'Committed')).toBeNull();
    expect(contractorPath('Done', 'Committed')).toBeNull();
    expect(contractorPath('Closed', 'Done')).toBeNull();
  });
});

import { InvalidExportTo } from '../../../../../lib/analysis/checks/object/common/invalid-export-to';
import { findingsOf, linesOf, manifest } from '../service-entry/check-util';

const lines = (kind: string, spec: unknown) => linesOf(InvalidExportTo, kind, spec);
const KINDS = ['VirtualService', 'DestinationRule', 'ServiceEntry'];

describe('InvalidExportTo (CI0023)', () => {
  describe.each(KINDS)('%s', (kind) => {
    test.each<[string, string[]]>([
      ['own namespace', ['.']],
      ['every namespace', ['*']],
      ['namespace names and .', ['foo', '.']],
      ['the own namespace by name', ['shop']],
    ])('accepts %s', (_name, exportTo) => {
      expect(lines(kind, { exportTo })).toEqual([]);
    });

    test.each<[string, string[], string[]]>([
      ['an entry with an underscore', ['Bad_NS'], ['error spec.exportTo[0]']],
      ['an entry longer than 63 characters', ['n'.repeat(64)], ['error spec.exportTo[0]']],
      ['a duplicate entry', ['prod', 'prod'], ['error spec.exportTo[1]']],
      ['. and the own namespace', ['.', 'shop'], ['error spec.exportTo[1]']],
      ['* with a namespace', ['*', 'prod'], ['error spec.exportTo']],
      ['* twice', ['*', '*'], ['error spec.exportTo[1]', 'error spec.exportTo']],
      ['an uppercase namespace (warning, stricter than Istio)', ['Prod'], ['warning spec.exportTo[0]']],
    ])('reports %s', (_name, exportTo, expected) => {
      expect(lines(kind, { exportTo })).toEqual(expected);
    });
  });

  test.each<[string, string, string[], string[]]>([
    ['~ alone on a ServiceEntry', 'ServiceEntry', ['~'], []],
    ['~ with a namespace on a ServiceEntry', 'ServiceEntry', ['~', 'prod'], ['error spec.exportTo']],
    ['~ twice on a ServiceEntry', 'ServiceEntry', ['~', '~'], ['error spec.exportTo[1]', 'error spec.exportTo']],
    ['~ on a VirtualService', 'VirtualService', ['~'], ['error spec.exportTo[0]']],
    ['~ with a namespace on a DestinationRule', 'DestinationRule', ['~', 'prod'], ['error spec.exportTo[0]']],
  ])('%s', (_name, kind, exportTo, expected) => {
    expect(lines(kind, { exportTo })).toEqual(expected);
  });

  test.each<[string, string[], string[]]>([
    ['exported to its namespace', ['.'], []],
    ['exported to its namespace by name', ['shop'], []],
    ['exported to every namespace', ['*'], ['error spec.exportTo']],
    ['exported to another namespace', ['prod'], ['error spec.exportTo']],
    ['exported to its own and another namespace', ['.', 'prod'], ['error spec.exportTo']],
    ['exported to . and its namespace (one duplicate, no more)', ['.', 'shop'], ['error spec.exportTo[1]']],
    ['exported only to invalid entries (nothing to compare)', ['Bad_NS'], ['error spec.exportTo[0]']],
  ])('a DestinationRule with a workloadSelector %s', (_name, exportTo, expected) => {
    const spec = { host: 'reviews', workloadSelector: { matchLabels: { app: 'productpage' } }, exportTo };
    expect(lines('DestinationRule', spec)).toEqual(expected);
  });

  test('says a DestinationRule with a workloadSelector stays in its namespace', () => {
    const [f] = findingsOf(InvalidExportTo, manifest('DestinationRule', { host: 'reviews', workloadSelector: {}, exportTo: ['*'] }));
    expect(f.message).toBe('a DestinationRule with a workloadSelector cannot be exported beyond its own namespace \'shop\'');
    expect(f.fix).toBe('set exportTo to [\'.\'], or remove it');
  });

  test('names the namespace . stands for, and the allowed entries per kind', () => {
    const [dup] = findingsOf(InvalidExportTo, manifest('VirtualService', { exportTo: ['.', 'shop'] }));
    expect(dup.message).toBe('exportTo lists the own namespace \'shop\' twice (\'.\' stands for it)');
    const [vs] = findingsOf(InvalidExportTo, manifest('VirtualService', { exportTo: ['a.b'] }));
    expect(vs.message).toBe('exportTo entry \'a.b\' is not \'.\', \'*\' or a namespace name');
    // the fix is an action on the field, not the message again
    expect(vs.fix).toBe('replace \'a.b\' in spec.exportTo[0] with \'.\' (this namespace), \'*\' (every namespace) or the name of a namespace, a lowercase DNS-1123 label such as \'a-b\'');
    const [se] = findingsOf(InvalidExportTo, manifest('ServiceEntry', { exportTo: ['a.b'] }));
    expect(se.message).toBe('exportTo entry \'a.b\' is not \'.\', \'*\', \'~\' or a namespace name');
    expect(se.fix).toContain('\'~\' (no namespace)');
    const [tilde] = findingsOf(InvalidExportTo, manifest('VirtualService', { exportTo: ['~'] }));
    expect(tilde.fix).toBe('replace \'~\' in spec.exportTo[0] with \'.\' to keep the VirtualService in its own namespace, or remove the VirtualService');
  });

  test('uses the default namespace for an object that names none', () => {
    expect(findingsOf(InvalidExportTo, manifest('ServiceEntry', { exportTo: ['.', 'default'] }, { namespace: undefined })).map((f) => f.field)).toEqual(['spec.exportTo[1]']);
  });
});

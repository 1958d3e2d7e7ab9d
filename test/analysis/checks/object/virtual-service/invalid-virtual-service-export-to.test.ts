import { InvalidVirtualServiceExportTo } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-virtual-service-export-to';
import { describeCheck, findingsOf, spec } from './util';

describeCheck(InvalidVirtualServiceExportTo, {
  valid: [
    ['.', spec({ exportTo: ['.'] })],
    ['*', spec({ exportTo: ['*'] })],
    ['namespaces, uppercase accepted', spec({ exportTo: ['.', 'prod', 'Staging'] })],
  ],
  invalid: [
    ['. and the own namespace', spec({ exportTo: ['.', 'shop'] }), [['spec.exportTo[1]']]],
    ['a namespace twice', spec({ exportTo: ['prod', 'prod'] }), [['spec.exportTo[1]']]],
    ['~ (only ServiceEntries)', spec({ exportTo: ['~'] }), [['spec.exportTo[0]']]],
    ['not a namespace name', spec({ exportTo: ['Bad_NS'] }), [['spec.exportTo[0]']]],
    ['* with other entries', spec({ exportTo: ['*', 'prod'] }), [['spec.exportTo']]],
  ],
});

test('CI0107 names the own namespace of a duplicate .', () => {
  expect(findingsOf(InvalidVirtualServiceExportTo, spec({ exportTo: ['shop', '.'] }))[0].message).toBe('exportTo lists \'.\' and the own namespace \'shop\' twice');
});

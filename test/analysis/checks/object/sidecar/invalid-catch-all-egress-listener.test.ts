import { InvalidCatchAllEgressListener } from '../../../../../lib/analysis/checks/object/sidecar/invalid-catch-all-egress-listener';
import { CATCH_ALL, findings, sidecar, summary, VERSIONS } from './helpers';

const withPort = { port: { number: 3306, protocol: 'TCP' }, hosts: ['db/*'] };

describe('CI0505 InvalidCatchAllEgressListener', () => {
  test.each([
    ['one catch-all', [CATCH_ALL]],
    ['a catch-all last', [withPort, CATCH_ALL]],
    ['no catch-all', [withPort]],
  ])('accepts %s', (_, egress) => {
    expect(findings(InvalidCatchAllEgressListener, sidecar({ egress }))).toEqual([]);
  });

  test.each([
    ['a catch-all first', [CATCH_ALL, withPort], ['spec.egress[0].port error']],
    ['two catch-alls', [CATCH_ALL, { hosts: ['db/*'] }], ['spec.egress[0].port error']],
    ['three catch-alls', [CATCH_ALL, { hosts: ['db/*'] }, { hosts: ['x/*'] }], ['spec.egress[0].port error', 'spec.egress[1].port error']],
  ])('fails for %s', (_, egress, expected) => {
    expect(summary(InvalidCatchAllEgressListener, sidecar({ egress }))).toEqual(expected);
  });

  test.each(VERSIONS)('says to merge the hosts into one last listener (%s)', (apiVersion) => {
    const [f] = findings(InvalidCatchAllEgressListener, sidecar({ egress: [CATCH_ALL, withPort] }, apiVersion));
    expect(f.message).toBe('an egress listener without a port (the catch-all) must be the last egress listener, and a Sidecar can have only one');
    expect(f.fix).toMatch(/^merge the hosts of every port-less listener into one, placed last in spec.egress/);
  });
});

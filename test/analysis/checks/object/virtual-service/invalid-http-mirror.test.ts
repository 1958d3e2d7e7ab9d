import { Severity } from '../../../../../lib/analysis/finding';
import { InvalidHttpMirror } from '../../../../../lib/analysis/checks/object/virtual-service/invalid-http-mirror';
import { describeCheck, findingsOf, withRoute } from './util';

const W = Severity.WARNING;
const shadow = { host: 'shadow' };

describeCheck(InvalidHttpMirror, {
  valid: [
    ['mirror with a percentage', withRoute({ mirror: shadow, mirrorPercentage: { value: 100 } })],
    ['a tiny percentage (only faults have the 0.0001 floor)', withRoute({ mirror: shadow, mirrorPercentage: { value: 0.00005 } })],
    ['mirrors with percentages', withRoute({ mirrors: [{ destination: shadow, percentage: { value: 5 } }, { destination: shadow }] })],
  ],
  invalid: [
    ['mirror and mirrors', withRoute({ mirror: shadow, mirrors: [{ destination: shadow }] }), [['spec.http[0].mirrors']]],
    ['a mirrorPercentage of 200', withRoute({ mirror: shadow, mirrorPercentage: { value: 200 } }), [['spec.http[0].mirrorPercentage.value']]],
    ['a mirrorPercentage without mirror (no effect)', withRoute({ mirrorPercentage: { value: 10 } }), [['spec.http[0].mirrorPercentage', W]]],
    ['a null mirrors entry, one without destination, one at -5%', withRoute({ mirrors: [null, { percentage: { value: 1 } }, { destination: shadow, percentage: { value: -5 } }] }),
      [['spec.http[0].mirrors[0]'], ['spec.http[0].mirrors[1].destination'], ['spec.http[0].mirrors[2].percentage.value']]],
    ['the deprecated mirrorPercent above 100', withRoute({ mirror: shadow, mirrorPercent: 150 }), [['spec.http[0].mirrorPercent'], ['spec.http[0].mirrorPercent', W]]],
    ['the deprecated mirror_percent (the webhook\'s warning)', withRoute({ mirror: shadow, mirror_percent: 5 }), [['spec.http[0].mirror_percent', W]]],
  ],
});

test('CI0124 suggests mirrorPercentage for the deprecated field', () => {
  const [f] = findingsOf(InvalidHttpMirror, withRoute({ mirror: shadow, mirrorPercent: 5 }));
  expect(f.message).toBe('mirrorPercent is deprecated');
  expect(f.fix).toBe('replace spec.http[0].mirrorPercent with mirrorPercentage: { value: 5 }');
});

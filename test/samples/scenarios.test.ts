import { Chart, Testing } from 'cdk8s';
import { CurlClient } from '../../lib/samples/curl';
import { FortioClient } from '../../lib/samples/fortio';
import { Httpbin } from '../../lib/samples/httpbin';

describe('sample workload scenarios', () => {
  test('circuit breaking: httpbin and the fortio client', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'circuit-breaking', { namespace: 'circuit-breaking' });
    // WHEN
    new Httpbin(chart, 'httpbin');
    new FortioClient(chart, 'fortio');
    // THEN
    expect(Testing.synth(chart)).toMatchSnapshot();
  });

  test('mirroring: httpbin v1 and v2 and the curl client', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'mirroring', { namespace: 'mirroring' });
    // WHEN
    new Httpbin(chart, 'httpbin', { versions: ['v1', 'v2'] });
    new CurlClient(chart, 'curl');
    // THEN
    expect(Testing.synth(chart)).toMatchSnapshot();
  });
});

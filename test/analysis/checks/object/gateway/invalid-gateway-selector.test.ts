import { InvalidGatewaySelector } from '../../../../../lib/analysis/checks/object/gateway/invalid-gateway-selector';
import { Severity } from '../../../../../lib/analysis/finding';
import { findings, manifest, server, summary, VERSIONS } from './helpers';

const selecting = (selector: unknown) => manifest('Gateway', { selector, servers: [server()] });

describe('CI0312 InvalidGatewaySelector', () => {
  test.each([
    ['the default ingress gateway', { istio: 'ingressgateway' }],
    ['a prefixed key', { 'app.kubernetes.io/name': 'istio-ingress' }],
    ['no selector', undefined],
    ['an empty selector', {}],
    ['an empty value', { istio: '' }],
  ])('accepts %s', (_, selector) => {
    expect(findings(InvalidGatewaySelector, selecting(selector))).toEqual([]);
  });

  test.each([
    ['a value with a space', { istio: 'ingress gateway' }, ['spec.selector.istio warning']],
    ['a wildcard value', { istio: 'ingress*' }, ['spec.selector.istio warning']],
    ['a key with two slashes', { 'a/b/c': 'x' }, ["spec.selector['a/b/c'] warning"]],
  ])('warns for %s', (_, selector, expected) => {
    expect(summary(InvalidGatewaySelector, selecting(selector))).toEqual(expected);
  });

  test.each(VERSIONS)('says no pod can match and that Istio accepts it (%s)', (apiVersion) => {
    const [f] = findings(InvalidGatewaySelector, manifest('Gateway', { selector: { istio: 'ingress gateway' }, servers: [server()] }, { apiVersion }));
    expect(f.severity).toBe(Severity.WARNING);
    expect(f.message).toMatch(/^selector label value 'ingress gateway' of 'istio' must be .*, so no gateway pod can match it \(stricter than Istio, which accepts it\)$/);
  });
});

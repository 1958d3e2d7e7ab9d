import { JwtClaimRoutingAtSidecar } from '../../../../../lib/analysis/checks/object/virtual-service/jwt-claim-routing-at-sidecar';
import { describeCheck, findingsOf, spec, to } from './util';

const claim = (name = '@request.auth.claims.group') => [{ match: [{ headers: { [name]: { exact: 'admin' } } }], ...to() }];

describeCheck(JwtClaimRoutingAtSidecar, {
  valid: [
    ['a claim match at a gateway', spec({ gateways: ['istio-system/gw'], http: claim() })],
    ['a claim in brackets at a gateway', spec({ gateways: ['gw'], http: claim('@request.auth.claims[nested][key]') })],
    ['an ordinary header at the sidecars', spec({ http: claim('x-group') })],
    ['the bare prefix is not a claim (CI0112 reports it as a header name)', spec({ http: claim('@request.auth.claims') })],
  ],
  invalid: [
    ['a claim match at the sidecars', spec({ http: claim() }), [["spec.http[0].match[0].headers['@request.auth.claims.group']"]]],
    ['a claim with the mesh gateway', spec({ gateways: ['mesh'], http: claim() }), [["spec.http[0].match[0].headers['@request.auth.claims.group']"]]],
    ['a claim in withoutHeaders, prefix in uppercase', spec({ http: [{ match: [{ withoutHeaders: { '@REQUEST.auth.claims[role]': { exact: 'x' } } }], ...to() }] }),
      [["spec.http[0].match[0].withoutHeaders['@REQUEST.auth.claims[role]']"]]],
    ['a claim in a delegate (Istio finds no gateways on it)', { http: claim() }, [["spec.http[0].match[0].headers['@request.auth.claims.group']"]]],
  ],
});

test('CI0106 says where claim routing works', () => {
  expect(findingsOf(JwtClaimRoutingAtSidecar, spec({ http: claim() }))[0].message)
    .toBe('JWT claim routing (\'@request.auth.claims.group\') is only supported at gateways; this VirtualService applies to the sidecars (no gateways, or the \'mesh\' gateway among them)');
});

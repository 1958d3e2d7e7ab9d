import { findingsOf as constructFindingsOf } from '../../util/findings';
import { ApiObject, Testing } from 'cdk8s';
import { Severity } from '../../../lib/analysis/finding';
import { JwtRule, RequestAuthentication, RequestAuthenticationProps } from '../../../lib/istio/security/request-authentication';
import { WorkloadSelector } from '../../../lib/istio/workload-selector';

const ISSUER = 'testing@secure.istio.io';
const JWKS_URI = 'https://raw.githubusercontent.com/istio/istio/release-1.30/security/tools/jwt/samples/jwks.json';

function findingsOf(props: RequestAuthenticationProps, severity: Severity = Severity.ERROR): string[] {
  const chart = Testing.chart();
  return constructFindingsOf(new RequestAuthentication(chart, 'ra', props)).filter((f) => f.severity === severity).map((f) => `${f.code} ${f.field}`);
}

function ruleFindings(rule: Partial<JwtRule>): string[] {
  return findingsOf({ jwtRules: [{ issuer: ISSUER, ...rule } as JwtRule] });
}

describe('rendering', () => {
  test('defaultChild pins kind and apiVersion', () => {
    const chart = Testing.chart();
    const ra = new RequestAuthentication(chart, 'jwt', { jwtRules: [{ issuer: ISSUER, jwksUri: JWKS_URI }] });
    expect(ApiObject.of(ra).kind).toBe('RequestAuthentication');
    expect(ra.apiVersion).toBe('security.istio.io/v1');
    expect(ra.issuers).toEqual([ISSUER]);
  });

  test('renders every option', () => {
    // GIVEN
    const chart = Testing.chart();

    // WHEN
    const ra = new RequestAuthentication(chart, 'jwt-example', {
      selector: WorkloadSelector.fromLabels({ istio: 'ingressgateway' }),
      jwtRules: [{
        issuer: ISSUER,
        jwksUri: JWKS_URI,
        audiences: ['bookinfo'],
        forwardOriginalToken: true,
        fromHeaders: [{ name: 'x-jwt-assertion', prefix: 'Bearer ' }],
        fromParams: ['token'],
        outputPayloadToHeader: 'x-jwt-payload',
        outputClaimToHeaders: [{ header: 'x-jwt-sub', claim: 'sub' }],
      }],
    });
    ra.addJwtRule({ issuer: 'inline@example.com', jwks: JSON.stringify({ keys: [{ kty: 'RSA', e: 'AQAB', n: 'abc' }] }) });

    // THEN
    const spec = Testing.synth(chart)[0].spec;
    expect(spec).toEqual({
      selector: { matchLabels: { istio: 'ingressgateway' } },
      jwtRules: [
        {
          issuer: ISSUER,
          jwksUri: JWKS_URI,
          audiences: ['bookinfo'],
          forwardOriginalToken: true,
          fromHeaders: [{ name: 'x-jwt-assertion', prefix: 'Bearer ' }],
          fromParams: ['token'],
          outputPayloadToHeader: 'x-jwt-payload',
          outputClaimToHeaders: [{ header: 'x-jwt-sub', claim: 'sub' }],
        },
        { issuer: 'inline@example.com', jwks: '{"keys":[{"kty":"RSA","e":"AQAB","n":"abc"}]}' },
      ],
    });
  });
});

describe('problems', () => {
  test('fails with all errors together on synth', () => {
    const chart = Testing.chart();
    new RequestAuthentication(chart, 'bad', { jwtRules: [{ issuer: '', jwksUri: 'ftp://keys' }] });
    expect(() => Testing.synth(chart)).toThrow(/\[test\/bad\] error CI0015 spec\.jwtRules\[0\]\.issuer[\s\S]*\[test\/bad\] error CI0017 spec\.jwtRules\[0\]\.jwksUri = 'ftp:\/\/keys'/);
  });

  test('warns without jwtRules', () => {
    expect(findingsOf({}, Severity.WARNING)).toEqual(['CI0015 spec.jwtRules']);
  });

  test('fails without issuer', () => {
    expect(ruleFindings({ issuer: '' })).toEqual(['CI0015 spec.jwtRules[0].issuer']);
  });

  test('fails with jwks and jwksUri together', () => {
    expect(ruleFindings({ jwksUri: JWKS_URI, jwks: '{"keys":[{"kty":"RSA"}]}' })).toEqual(['CI0017 spec.jwtRules[0].jwks', 'CI0021 spec.jwtRules[0]']);
  });

  test('fails with a non-http jwksUri', () => {
    expect(ruleFindings({ jwksUri: 'file:///etc/jwks.json' })).toEqual(['CI0017 spec.jwtRules[0].jwksUri']);
    expect(ruleFindings({ jwksUri: 'not a url' })).toEqual(['CI0017 spec.jwtRules[0].jwksUri']);
  });

  test('fails with an invalid inline jwks', () => {
    expect(ruleFindings({ jwks: '{keys' })).toEqual(['CI0017 spec.jwtRules[0].jwks']);
    expect(ruleFindings({ jwks: '{"keys":[{"n":"x"}]}' })).toEqual(['CI0017 spec.jwtRules[0].jwks']);
  });

  test('fails with empty audiences, header names and params', () => {
    expect(ruleFindings({ audiences: [''], fromHeaders: [{ name: '' }], fromParams: [''] }))
      .toEqual(['CI0017 spec.jwtRules[0].audiences[0]', 'CI0015 spec.jwtRules[0].fromHeaders[0].name', 'CI0017 spec.jwtRules[0].fromParams[0]']);
  });

  test('fails with invalid output header names', () => {
    expect(ruleFindings({ outputPayloadToHeader: 'x jwt', outputClaimToHeaders: [{ header: 'x:sub', claim: 'sub' }, { header: '', claim: '' }] }))
      .toEqual([
        'CI0009 spec.jwtRules[0].outputPayloadToHeader',
        'CI0009 spec.jwtRules[0].outputClaimToHeaders[0].header',
        'CI0015 spec.jwtRules[0].outputClaimToHeaders[1].claim',
        'CI0015 spec.jwtRules[0].outputClaimToHeaders[1].header',
      ]);
  });

  test('fails with an invalid selector', () => {
    expect(findingsOf({ selector: WorkloadSelector.fromLabels({ app: 'a*' }), jwtRules: [{ issuer: ISSUER }] })).toEqual(['CI0018 spec.selector.matchLabels[\'app\']', 'CI0021 spec.selector.matchLabels.app']);
  });
});

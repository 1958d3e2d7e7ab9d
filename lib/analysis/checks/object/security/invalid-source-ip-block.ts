import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord } from '../../../manifest/read';
import { eachRule, eachSource, eachString, IP_BLOCK_FIELDS } from './private/authorization';
import { AUTHORIZATION_POLICY } from './private/kinds';
import { netipProblem } from './private/values';

/**
 * CI0705: an AuthorizationPolicy source `ipBlocks`, `notIpBlocks`, `remoteIpBlocks` or
 * `notRemoteIpBlocks` entry that is not an IP address or CIDR block as Istio's webhook parses it
 * (`ValidateIPs`, Go's net/netip: no leading zeros in IPv4 octets or prefix lengths, prefix
 * lengths within 0-32 or 0-128).
 *
 * @see https://istio.io/latest/docs/reference/config/security/authorization-policy/#Source
 */
export const InvalidSourceIpBlock = defineCheck({
  code: 'CI0705',
  name: 'InvalidSourceIpBlock',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'an AuthorizationPolicy source IP block that is not an IP address or CIDR block',
  scope: 'object',
  kinds: [AUTHORIZATION_POLICY],
  evaluate({ object, report }) {
    eachRule(asRecord(object.manifest.spec), (rule, ruleField) => {
      eachSource(rule, ruleField, (source, sourceField) => {
        for (const name of IP_BLOCK_FIELDS) {
          eachString(source, name, sourceField, (value, field) => {
            const problem = value === '' ? undefined : netipProblem(value);
            if (problem) {
              report({ field, value, message: `${name} entry '${value}' ${problem}`, fix: `write an IP address such as 10.1.2.3 or a CIDR block such as 10.0.0.0/16 in ${name}` });
            }
          });
        }
      });
    });
  },
});

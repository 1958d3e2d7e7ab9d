import { isIP } from 'net';
import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { eachItem } from '../../../manifest/read';
import { eachL4Match, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/** Istio's ValidateIPSubnet: an IP address, or a CIDR block with exactly one '/'. */
function subnetProblem(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length !== 2) return isIP(value) ? undefined : 'is not an IP address or CIDR block';
  const [ip, bits] = parts;
  const family = ip.includes('%') ? 0 : isIP(ip);
  if (family === 0 || !/^(0|[1-9]\d*)$/.test(bits) || Number(bits) > (family === 4 ? 32 : 128)) return 'is not a valid CIDR block (address/prefix length)';
  return undefined;
}

/**
 * CI0131: a `destinationSubnets` entry of a TCP or TLS match that is neither an IP address nor a
 * CIDR block (`10.1.0.0/16`, `2001:db8::/32`), which Istio's webhook rejects.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#L4MatchAttributes
 */
export const InvalidDestinationSubnet = defineCheck({
  code: 'CI0131',
  name: 'InvalidDestinationSubnet',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a TCP or TLS match destinationSubnets entry is not an IP address or CIDR block',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachL4Match(vsContext(object.manifest).spec, (m, at) => eachItem(m.destinationSubnets, `${at}.destinationSubnets`, (s, field) => {
      if (typeof s !== 'string') return;
      const p = subnetProblem(s);
      if (p) report({ field, value: s, message: `destination subnet ${formatValue(s)} ${p}`, fix: 'give an IP address or a CIDR block, e.g. 10.1.0.0/16' });
    }));
  },
});

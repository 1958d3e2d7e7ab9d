import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { isRecord } from '../../../manifest/read';
import { isIstioDnsLabel } from '../../../values/istio-names';
import { wildcardDomainProblem } from './private/names';
import { eachDestination, eachRouteList, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

/**
 * CI0125: a destination that Istio's webhook rejects, in a route (HTTP, TCP, TLS), `mirror` or
 * `mirrors`: a route entry that is null or has no `destination`; a `host` that is missing, `*`, or
 * not a DNS name (a wildcard only as the first label); a `subset` that is not a DNS-1123 label
 * (uppercase letters are fine); a `port` whose `number` is outside 1-65535 (an empty `port: {}`
 * is port 0).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#Destination
 */
export const InvalidDestination = defineCheck({
  code: 'CI0125',
  name: 'InvalidDestination',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a route entry without destination, or a destination host, subset or port Istio rejects',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    const { spec } = vsContext(object.manifest);
    eachRouteList(spec, (list, at) => list.forEach((entry, i) => {
      const field = `${at}[${i}]`;
      if (entry !== null && (!isRecord(entry) || entry.destination !== undefined && entry.destination !== null)) return;
      report({
        field: entry === null ? field : `${field}.destination`, value: entry,
        message: entry === null ? 'the route entry is null' : 'the route entry has no destination',
        fix: `give ${field} a destination, e.g. { destination: { host: reviews, subset: v1 } }`,
      });
    }));
    eachDestination(spec, (d, at) => {
      const host = d.host === undefined ? '' : d.host;
      if (typeof host === 'string') {
        const p = host === '*' ? 'matches every host; a destination names one service' : wildcardDomainProblem(host);
        if (p) {
          report({
            field: `${at}.host`, value: d.host, message: host === '' ? 'the destination has no host' : `destination host ${formatValue(host)} ${p}`,
            fix: 'name one service: a short name (reviews), an FQDN (reviews.shop.svc.cluster.local) or a ServiceEntry host',
          });
        }
      }
      if (typeof d.subset === 'string' && d.subset !== '' && !isIstioDnsLabel(d.subset)) {
        report({ field: `${at}.subset`, value: d.subset, message: `subset name ${formatValue(d.subset)} is not a DNS-1123 label`, fix: 'name a subset of the host\'s DestinationRule, e.g. v2 (letters, digits and \'-\')' });
      }
      if (isRecord(d.port)) {
        const n = d.port.number ?? 0;
        if (typeof n === 'number' && Number.isInteger(n) && (n < 1 || n > 65535)) {
          report({
            field: `${at}.port.number`, value: d.port.number, message: d.port.number === undefined ? 'the destination port has no number' : `destination port ${formatValue(n)} is not in 1-65535`,
            fix: 'give the Service port number (1-65535), or leave port out when the Service has one port',
          });
        }
      }
    });
  },
});

import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { isRecord } from '../../../manifest/read';
import { eachHttpRoute, VIRTUAL_SERVICE_KINDS, vsContext } from './private/walk';

const KB = 1024;
const MB = 1024 * KB;

/** The size in bytes of a body: a string (UTF-8), or base64 bytes. */
function bodySize(body: Record<string, any>): number | undefined {
  if (typeof body.string === 'string') return Buffer.byteLength(body.string, 'utf8');
  if (typeof body.bytes === 'string') return Buffer.from(body.bytes, 'base64').length;
  return undefined;
}

/**
 * CI0123: a `directResponse` that Istio's webhook rejects: a `status` outside 200-600 (a missing
 * status is 0), or a body larger than 1MB. It warns, as the webhook does, about bodies larger than
 * 100KB (every proxy holds them), and about status 600, which the webhook accepts but Envoy
 * rejects (stricter than Istio).
 *
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#HTTPDirectResponse
 */
export const InvalidDirectResponse = defineCheck({
  code: 'CI0123',
  name: 'InvalidDirectResponse',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a direct response status outside 200-599, or a body larger than 1MB (a warning above 100KB)',
  scope: 'object',
  kinds: VIRTUAL_SERVICE_KINDS,
  evaluate({ object, report }) {
    eachHttpRoute(vsContext(object.manifest).spec, (route, at) => {
      const d = route.directResponse;
      if (!isRecord(d)) return;
      const base = `${at}.directResponse`;
      const size = isRecord(d.body) ? bodySize(d.body) : undefined;
      if (size !== undefined && size > 100 * KB) {
        report({
          field: `${base}.body`, value: `${size} bytes`, severity: size > MB ? Severity.ERROR : Severity.WARNING,
          message: size > MB ? `the body is ${size} bytes; Istio allows at most 1MB` : `the body is ${size} bytes: large direct responses may impact control plane performance (every proxy holds them)`,
          fix: 'serve large bodies from a workload, and keep direct responses small',
        });
      }
      const status = d.status ?? 0;
      if (typeof status !== 'number') return;
      if (status < 200 || status > 600) {
        report({ field: `${base}.status`, value: d.status, message: `directResponse status ${formatValue(d.status)} is not in 200-599`, fix: 'give an HTTP status from 200 to 599, e.g. 404 or 503' });
      } else if (status === 600) {
        report({
          field: `${base}.status`, value: status, severity: Severity.WARNING,
          message: 'directResponse status 600 is not an HTTP status: Envoy accepts 200-599 and rejects the route (stricter than Istio, whose webhook accepts 600)',
          fix: 'give an HTTP status from 200 to 599, e.g. 503',
        });
      }
    });
  },
});

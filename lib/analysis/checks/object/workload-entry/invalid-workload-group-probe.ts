import { defineCheck } from '../../../check';
import { formatValue, Severity } from '../../../finding';
import { asRecord, eachItem, isRecord } from '../../../manifest/read';
import { isPortNumber } from './private/istio-formats';

const COUNTERS = ['periodSeconds', 'initialDelaySeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'];
const METHODS = ['httpGet', 'tcpSocket', 'exec', 'grpc'];
const PROBE_HEADER_NAME = /^[-A-Za-z0-9]+$/;

/**
 * CI0606: a WorkloadGroup's readiness probe, as Istio's webhook checks it
 * (`validateReadinessProbe`): negative counters, no health-check method (the webhook accepts
 * only `httpGet`, `tcpSocket` and `exec`; it rejects a `grpc` probe as an unknown method even
 * though the CRD has the field), a port outside 1-65535, an `httpGet` scheme other than HTTP or
 * HTTPS, a header name that is not letters, digits and '-', or an `exec` probe without command.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/workload-group/#ReadinessProbe
 */
export const InvalidWorkloadGroupProbe = defineCheck({
  code: 'CI0606',
  name: 'InvalidWorkloadGroupProbe',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'a WorkloadGroup probe has no httpGet, tcpSocket or exec method (grpc included), a negative counter, a bad port, scheme or header name, or an exec without command',
  scope: 'object',
  kinds: ['WorkloadGroup.networking.istio.io'],
  evaluate({ object, report }) {
    const probe = asRecord(object.manifest.spec).probe;
    if (!isRecord(probe)) return;
    const at = 'spec.probe';
    for (const counter of COUNTERS) {
      const v = probe[counter];
      if (typeof v === 'number' && v < 0) {
        report({ field: `${at}.${counter}`, value: v, message: `${counter} ${v} is negative`, fix: `set ${counter} to 0 or more, or remove it for Istio's default` });
      }
    }
    const methods = METHODS.filter((m) => probe[m] !== undefined && probe[m] !== null);
    if (methods.length === 0) {
      report({
        field: at, value: probe, message: 'probe has no health-check method',
        fix: 'add one of httpGet (port, path), tcpSocket (port) or exec (command) to the probe, or remove the probe',
      });
      return;
    }
    if (methods.length > 1) return; // the CRD schema's oneOf reports several methods
    const method = methods[0];
    const m = asRecord(probe[method]);
    const mat = `${at}.${method}`;
    if (method === 'grpc') {
      report({
        field: mat, value: probe.grpc, message: 'Istio 1.30\'s webhook rejects a grpc probe as an unknown health-check method, although the CRD has the field',
        fix: 'probe the gRPC port with tcpSocket (port) or with exec running a gRPC health client',
      });
      return;
    }
    if (method === 'exec') {
      if (!Array.isArray(m.command) || m.command.length === 0) {
        report({ field: `${mat}.command`, value: m.command, message: 'exec probe has no command', fix: 'set exec.command to the command and its arguments, e.g. [\'/bin/check\', \'--ready\']' });
      }
      return;
    }
    // httpGet and tcpSocket: the port is required (0 when unset), in 1-65535
    if (m.port === undefined || m.port === null || (typeof m.port === 'number' && !isPortNumber(m.port))) {
      report({ field: `${mat}.port`, value: m.port, message: `${method} port ${m.port === undefined ? 'is missing' : `${formatValue(m.port)} is not from 1 to 65535`}`, fix: `set ${method}.port to the port the workload serves, from 1 to 65535` });
    }
    if (method === 'httpGet') {
      if (typeof m.scheme === 'string' && m.scheme !== '' && m.scheme !== 'HTTP' && m.scheme !== 'HTTPS') {
        report({ field: `${mat}.scheme`, value: m.scheme, message: `httpGet scheme ${formatValue(m.scheme)} is not HTTP or HTTPS`, fix: 'set httpGet.scheme to HTTP or HTTPS (uppercase), or remove it for HTTP' });
      }
      eachItem(m.httpHeaders, `${mat}.httpHeaders`, (header, hat) => {
        if (header === null || header === undefined) {
          report({ field: hat, value: header, message: 'probe header is null', fix: 'remove the empty entry from httpGet.httpHeaders' });
          return;
        }
        const name = asRecord(header).name;
        if (name === undefined || name === '' || (typeof name === 'string' && !PROBE_HEADER_NAME.test(name))) {
          report({
            field: `${hat}.name`, value: name, message: name ? `probe header name ${formatValue(name)} is not letters, digits and '-'` : 'probe header has no name',
            fix: 'name the header with letters, digits and \'-\' only, e.g. x-probe (as Kubernetes probes)',
          });
        }
      });
    }
  },
});

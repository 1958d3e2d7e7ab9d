/**
 * The rules of Istio's `validateWorkloadEntry` (pkg/config/validation/validation.go), shared by
 * the WorkloadEntry checks and the ServiceEntry endpoint check (an endpoint is a WorkloadEntry
 * spec). Each function returns the problems of one aspect, with manifest field paths.
 */
import { CheckReport } from '../../../../check';
import { formatValue, Severity } from '../../../../finding';
import { eachEntry, isRecord } from '../../../../manifest/read';
import { isIpAddress } from '../../../../values/ip';
import { isIstioDnsLabel } from '../../../../values/istio-names';
import { fqdnProblem, isPortNumber, labelKeyProblem, labelValueProblem, unixPathProblem } from './istio-formats';

/** The prefix of a Unix domain socket address. */
export const UNIX_PREFIX = 'unix://';

/** How an address is read: as a WorkloadEntry (an IP or a DNS name) or as a STATIC endpoint (an IP only). */
export interface AddressOptions {
  /** Whether a DNS name is allowed (WorkloadEntry), or only IPs (endpoints of a STATIC ServiceEntry). */
  readonly allowFqdn: boolean;
  /** How the messages name the object: `endpoint`, `workload entry`. */
  readonly what: string;
}

/**
 * The address rules: required unless a network is set (then a warning), a valid `unix://` socket
 * without ports, else an IP address (or, where allowed, an FQDN). Returns `stop` when Istio stops
 * checking the entry (no address and no network).
 */
export function addressProblems(entry: Record<string, any>, at: string, options: AddressOptions): { problems: CheckReport[]; stop: boolean } {
  const problems: CheckReport[] = [];
  const address = entry.address;
  const network = entry.network;
  if (address !== undefined && typeof address !== 'string') return { problems, stop: false }; // the CRD schema reports the type
  if (!address) {
    if (typeof network !== 'string' || network === '') {
      problems.push({
        field: `${at}.address`, value: address, message: `${options.what} has no address and no network`,
        fix: `set address to an IP address${options.allowFqdn ? ', a DNS name' : ''} or a unix:// socket, or set network when the workload is reached through that network's gateway`,
      });
      return { problems, stop: true };
    }
    problems.push({
      field: `${at}.address`, value: address, severity: Severity.WARNING,
      message: `${options.what} has no address, only network ${formatValue(network)}: it is reached through that network's gateway (Istio's webhook warns)`,
      fix: 'set address when the workload is reachable directly; keep it unset only for a workload behind a network gateway',
    });
    return { problems, stop: false };
  }
  if (address.startsWith(UNIX_PREFIX)) {
    const p = unixPathProblem(address.slice(UNIX_PREFIX.length));
    if (p) {
      problems.push({
        field: `${at}.address`, value: address, message: `unix address ${formatValue(address)} ${p}`,
        fix: 'write unix:///absolute/path/to/socket or unix://@abstract-name in address',
      });
    }
    if (isRecord(entry.ports) && Object.keys(entry.ports).length > 0) {
      problems.push({
        field: `${at}.ports`, value: entry.ports, message: `${options.what} with unix address ${formatValue(address)} must not have ports`,
        fix: 'remove ports from this entry (a unix socket has no ports)',
      });
    }
  } else if (!isIpAddress(address)) {
    if (!options.allowFqdn) {
      problems.push({
        field: `${at}.address`, value: address, message: `endpoint address ${formatValue(address)} is not an IP address, which resolution STATIC needs`,
        fix: 'use an IP address in address, or set the ServiceEntry resolution to DNS for DNS names',
      });
    } else {
      const p = fqdnProblem(address);
      if (p) {
        problems.push({
          field: `${at}.address`, value: address, message: `address ${formatValue(address)} is neither an IP address nor a valid DNS name: it ${p}`,
          fix: 'use an IP address (no port) or a DNS name such as vm-1.example.com in address',
        });
      }
    }
  }
  return { problems, stop: false };
}

/**
 * The port rules: every key is a DNS-1123 label (Istio's: uppercase allowed) and, when
 * `servicePorts` is given, a port name of the ServiceEntry; every value is in 1-65535.
 */
export function portProblems(entry: Record<string, any>, at: string, servicePorts?: ReadonlySet<string>): CheckReport[] {
  const problems: CheckReport[] = [];
  eachEntry(entry.ports, `${at}.ports`, (name, port, field) => {
    if (servicePorts && !servicePorts.has(name)) {
      problems.push({
        field, value: name,
        message: `endpoint port ${formatValue(name)} is not a port name of the ServiceEntry; defined: ${[...servicePorts].join(', ') || '(none)'}`,
        fix: 'key endpoint ports by the names in the ServiceEntry ports, or add a port with that name',
      });
    }
    if (!isIstioDnsLabel(name)) {
      problems.push({
        field, value: name, message: `port name ${formatValue(name)} is not a DNS-1123 label`,
        fix: 'name the port with letters, digits and \'-\', starting and ending with a letter or digit, e.g. http or tcp-db',
      });
    }
    if (typeof port === 'number' && !isPortNumber(port)) {
      problems.push({ field, value: port, message: `port ${formatValue(port)} of ${formatValue(name)} is not from 1 to 65535`, fix: `set ${field} to the port the workload listens on for ${formatValue(name)}, e.g. 8080` });
    }
  });
  return problems;
}

/** The label rules of Istio's `labels.Instance.Validate`, at `${at}.labels`. */
export function labelProblems(labels: unknown, at: string): CheckReport[] {
  const problems: CheckReport[] = [];
  eachEntry(labels, at, (key, value, field) => {
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) problems.push({ field, value: key, message: `label key ${formatValue(key)} ${keyProblem}`, fix: 'use a Kubernetes label key such as app or app.kubernetes.io/name' });
    if (typeof value === 'string') {
      const valueProblem = labelValueProblem(value);
      if (valueProblem) problems.push({ field, value, message: `label value ${formatValue(value)} of ${formatValue(key)} ${valueProblem}`, fix: 'use a label value such as v1 or stable' });
    }
  });
  return problems;
}

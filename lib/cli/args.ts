import { parseArgs } from 'util';
import { ExternalDeclarations, ExternalNamespace, externalDeclarationProblems } from '../analysis/model/external';
import { ISTIO_DEFAULT_GATEWAYS } from '../analysis/model/installation';
import { dns1123LabelProblem } from '../analysis/values/validate';

/**
 * The output formats of `cdk8s-istio check`.
 *
 * @see https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** Every output format, the default first. */
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

/**
 * The options of `cdk8s-istio check`, parsed from the command line.
 *
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/
 */
export interface CheckOptions {
  /** Files, folders and `-` (standard input), in the order given. */
  readonly paths: readonly string[];
  /** Whether folders are read with their subfolders (`-R`, as kubectl and istioctl). */
  readonly recursive: boolean;
  /** How findings are printed on standard output. */
  readonly format: OutputFormat;
  /** Whether unsuppressed warnings fail the check. */
  readonly warningsAsErrors: boolean;
  /** The namespace of objects that name none (kubectl's `--namespace`). */
  readonly namespace: string;
  /** What lives outside the given files. */
  readonly external: ExternalDeclarations;
}

/**
 * What the command line asks for: a check, the usage text, or nothing valid (a usage error,
 * exit code 2).
 *
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/
 */
export type ParsedCommand =
  | { readonly command: 'check'; readonly options: CheckOptions }
  | { readonly command: 'synth'; readonly args: readonly string[] }
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'usage-error'; readonly message: string };

/**
 * The usage text of `cdk8s-istio` (printed by `--help`; its first line after a usage error).
 *
 * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/
 */
export const USAGE = `usage: cdk8s-istio check [options] PATH...

Checks Kubernetes and Istio YAML (files, folders, - for standard input) with every cdk8s-istio
check, as Istio's webhook, the CRDs and istioctl analyze would judge it.

options:
  -R, --recursive                  read folders with their subfolders (as kubectl apply -R)
  --format text|json|sarif         output on stdout (default: text)
  --warnings-as-errors             unsuppressed warnings fail the check
  --namespace NS                   namespace of objects that name none (default: default)
  --external-host HOST             a host served outside the files, e.g. api.example.com or
                                   '*.legacy.svc.cluster.local' (repeatable)
  --external-gateway NS/NAME       a Gateway defined outside the files, NS/* for all of a
                                   namespace (repeatable)
  --external-namespace NS[=meshed|=unmeshed]
                                   a namespace managed outside the files: its Services exist,
                                   and whether it is in the mesh (repeatable)
  --istio-default-gateways         the cluster runs Istio's default ingress gateway
                                   (istio-system, istio=ingressgateway) and no gateway the files
                                   do not define, as istioctl analyze assumes for files
  -h, --help                       this text
  --version                        the cdk8s-istio version

exit codes: 0 no errors, 1 errors found, 2 usage error

usage: cdk8s-istio synth [cdk8s synth options]

Runs the project's cdk8s synth into a staging folder and replaces the output folder (--output,
else cdk8s.yaml's output, else dist) with it only when the whole synth succeeded: a failure
never loses the last good output (cdk8s synth alone empties the folder before it runs the app).
Exit code: cdk8s synth's.`;

/**
 * Parses the arguments after `cdk8s-istio` (`process.argv.slice(2)`). Never throws: anything
 * that is not a valid command is a `usage-error` with a one-line message.
 *
 * @example
 * parseCommand(['check', 'dist/', '--format', 'sarif']);
 * @see https://nodejs.org/api/util.html#utilparseargsconfig
 */
export function parseCommand(argv: readonly string[]): ParsedCommand {
  // everything after `synth` is for cdk8s synth, whose options this parser does not know
  if (argv[0] === 'synth') return { command: 'synth', args: argv.slice(1) };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'format': { type: 'string' },
        'recursive': { type: 'boolean', short: 'R' },
        'warnings-as-errors': { type: 'boolean' },
        'namespace': { type: 'string' },
        'external-host': { type: 'string', multiple: true },
        'external-gateway': { type: 'string', multiple: true },
        'external-namespace': { type: 'string', multiple: true },
        'istio-default-gateways': { type: 'boolean' },
        'help': { type: 'boolean', short: 'h' },
        'version': { type: 'boolean' },
      },
    });
  } catch (e) {
    // node's message, first sentence, lowercase as every message of this tool
    const message = (e as Error).message.split('. ')[0];
    return usageError(message.charAt(0).toLowerCase() + message.slice(1));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) return usageError('no command given');
  if (command !== 'check') return usageError(`unknown command '${command}'; commands: check, synth`);
  if (paths.length === 0) return usageError('no PATH given: name files, folders, or - for standard input');

  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) return usageError(`unknown format '${format}'; formats: ${FORMATS.join(', ')}`);
  const namespace = values.namespace ?? 'default';
  const namespaceProblem = dns1123LabelProblem(namespace);
  if (namespaceProblem) return usageError(`--namespace '${namespace}': ${namespaceProblem}`);

  const namespaces: ExternalNamespace[] = [];
  for (const written of values['external-namespace'] ?? []) {
    const [name, state, ...rest] = written.split('=');
    if (rest.length > 0 || (state !== undefined && state !== 'meshed' && state !== 'unmeshed')) {
      return usageError(`--external-namespace '${written}' is not NS, NS=meshed or NS=unmeshed`);
    }
    namespaces.push(state === undefined ? { name } : { name, meshed: state === 'meshed' });
  }
  const external: ExternalDeclarations = {
    hosts: values['external-host'] ?? [], gateways: values['external-gateway'] ?? [], namespaces,
    ...values['istio-default-gateways'] ? { installedGateways: ISTIO_DEFAULT_GATEWAYS } : {},
  };
  const problems = externalDeclarationProblems(external);
  if (problems.length > 0) return usageError(problems[0]);

  return { command: 'check', options: { paths, recursive: values.recursive ?? false, format: format as OutputFormat, warningsAsErrors: values['warnings-as-errors'] ?? false, namespace, external } };
}

function usageError(message: string): ParsedCommand {
  return { command: 'usage-error', message };
}

import * as path from 'path';
import * as YAML from 'yaml';

/**
 * The file name of the kustomizations written with the output. Kustomize (and so
 * `kubectl kustomize`, `kubectl apply -k` and Argo CD) recognizes `Kustomization` as well as
 * `kustomization.yaml`; without an extension it is skipped by `kubectl apply -f <folder>`, which
 * reads every `.yaml`, `.yml` and `.json` file of a folder as a manifest, and by the cdk8s CLI
 * and `cdk8s-istio check`, which read the same extensions.
 */
export const KUSTOMIZATION_FILE = 'Kustomization';

/** The text of a kustomization listing `resources` (paths relative to its folder), in apply order. */
export function kustomizationText(resources: readonly string[]): string {
  const header = [
    '# Written by cdk8s-istio with the manifests of this folder: kubectl kustomize, kubectl apply -k and',
    '# Argo CD read it; kubectl apply -f skips it (no .yaml extension) and reads the same manifests.',
  ].join('\n');
  const body = YAML.stringify({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: [...resources] });
  return `${header}\n${body}`;
}

/**
 * The kustomizations of a layered output (relative folder → its resources): one at the top
 * listing the base app's files, and one in each layer's folder listing the layer's files (a
 * layer is applied on top of the base, so its kustomization holds only its own files; kustomize
 * cannot include a folder's ancestor).
 *
 * Throws when a layer's files do not share a folder of their own (the top folder, or a folder
 * holding files of the base or of another layer), where no kustomization could list the layer
 * alone.
 *
 * @param files every manifest file of the output, relative to it, with its layer ('' for the base)
 */
export function layeredKustomizations(files: ReadonlyArray<{ readonly file: string; readonly layer: string }>): Map<string, string[]> {
  const byLayer = new Map<string, string[]>();
  for (const { file, layer } of files) byLayer.set(layer, [...(byLayer.get(layer) ?? []), file]);
  const out = new Map<string, string[]>([['.', [...(byLayer.get('') ?? [])].sort()]]);
  for (const [layer, own] of byLayer) {
    if (layer === '') continue;
    const folder = commonFolder(own);
    const others = files.filter((f) => f.layer !== layer && (folder === '.' || f.file.startsWith(`${folder}/`)));
    if (folder === '.' || others.length > 0) {
      throw new Error(`the files of layer '${layer}' (${own.join(', ')}) must be in a folder of their own for its ${KUSTOMIZATION_FILE}`
        + (others.length > 0 ? `, but ${folder === '.' ? 'the top folder' : `${folder}/`} also holds ${others.map((f) => f.file).join(', ')}` : '')
        + `; place them under one folder, e.g. scenarios/${layer}/ (placeChart), or set MeshAppProps.kustomization to false`);
    }
    out.set(folder, own.map((f) => path.posix.relative(folder, f)).sort());
  }
  return out;
}

/** The deepest folder holding every file ('.' for the top folder). */
function commonFolder(files: readonly string[]): string {
  const parts = files.map((f) => path.posix.dirname(f).split('/'));
  const common: string[] = [];
  for (let i = 0; parts.every((p) => i < p.length && p[i] === parts[0][i]); i++) common.push(parts[0][i]);
  return common.length === 0 || (common.length === 1 && common[0] === '.') ? '.' : common.join('/');
}

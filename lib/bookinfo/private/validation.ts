/**
 * Checks of the Bookinfo options. The charts record problems instead of throwing, and report
 * them all together (with the chart path, the option and a fix) when the app is synthesized.
 */
import { Chart } from 'cdk8s';
import { ProblemCollector } from '../../analysis/finding';
import { addConstructProblems } from '../../analysis/sources/construct-hooks';
import { dns1123LabelProblem, dns1123SubdomainProblem, labelValueProblem } from '../../analysis/values/validate';
import { ReviewsVersion } from '../options';

// a Docker image tag: word characters, '.' and '-', not starting with '.' or '-', at most 128
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/**
 * Registers a validation on `chart` that reports the error problems `collect` records, formatted
 * as findings of the chart (so `app.synth()` and `Testing.synth()` fail with all of them).
 */
export function addOptionsValidation(chart: Chart, collect: (problems: ProblemCollector) => void): void {
  addConstructProblems(chart, () => {
    const problems = new ProblemCollector();
    collect(problems);
    return problems.problems;
  });
}

/** The namespace must be a DNS-1123 label (Kubernetes' rule for namespace names). */
export function checkNamespace(problems: ProblemCollector, namespace: string): void {
  const problem = dns1123LabelProblem(namespace);
  if (problem) {
    problems.add('CI0019', 'namespace', namespace, `namespace ${problem}`, 'pass a lowercase DNS-1123 label such as \'bookinfo\' as the namespace option');
  }
}

/** The revision becomes the value of the `istio.io/rev` label. */
export function checkRevision(problems: ProblemCollector, revision: string | undefined): void {
  if (revision === undefined) return;
  const problem = revision === '' ? 'must not be empty' : labelValueProblem(revision);
  if (problem) {
    problems.add('CI0019', 'revision', revision, `revision ${problem} (it is the value of the istio.io/rev namespace label)`,
      'pass the revision name istiod was installed with (e.g. \'1-30-3\' or a tag such as \'canary\'), or omit it to use istio-injection: enabled');
  }
}

/** The tag is appended to every upstream image name. */
export function checkImageTag(problems: ProblemCollector, tag: string): void {
  if (!IMAGE_TAG.test(tag)) {
    problems.add('CI0019', 'imageTag', tag, 'image tag must be 1-128 letters, digits, \'_\', \'.\' or \'-\', not starting with \'.\' or \'-\'',
      'pass a tag of the Bookinfo images such as \'1.20.3\'');
  }
}

/**
 * The reviews versions: at least one, no duplicates, each a valid `version` label value and a
 * valid Deployment name `reviews-<version>`. The chart renders only the first of duplicates.
 */
export function checkReviewsVersions(problems: ProblemCollector, versions: readonly ReviewsVersion[]): void {
  if (versions.length === 0) {
    problems.add('CI0019', 'reviewsVersions', [], 'reviewsVersions is empty, so the reviews Service selects no pods and the product page cannot show reviews',
      'omit reviewsVersions to get v1, v2 and v3, or list at least one version');
    return;
  }
  const seen = new Map<string, number>();
  versions.forEach((v, i) => {
    const at = problems.at(`reviewsVersions[${i}]`);
    const first = seen.get(v.version);
    if (first !== undefined) {
      at.add('CI0019', 'version', v.version, `reviews version '${v.version}' is listed twice (also at reviewsVersions[${first}]); only the first is rendered`,
        'give every reviews version a distinct name, or remove the duplicate');
      return;
    }
    seen.set(v.version, i);
    const labelProblem = v.version === '' ? 'must not be empty' : labelValueProblem(v.version);
    if (labelProblem) {
      at.add('CI0019', 'version', v.version, `version ${labelProblem} (it is the value of the version pod label)`, 'use a short lowercase version such as \'v4\'');
      return;
    }
    const nameProblem = dns1123SubdomainProblem(`reviews-${v.version}`);
    if (nameProblem) {
      at.add('CI0019', 'version', v.version, `deployment name 'reviews-${v.version}' ${nameProblem}`, 'use a lowercase version such as \'v4\'');
    }
  });
}

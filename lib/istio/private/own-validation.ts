import { ApiObject } from 'cdk8s';
import { IConstruct, IValidation } from 'constructs';
import { checkObjects, settle } from '../../analysis/engine';
import { formatFinding } from '../../analysis/finding';
import { isChecked } from '../../analysis/sources/construct-hooks';
import { constructFindings, renderApiObject } from '../../analysis/sources/construct-tree';

/**
 * The cdk8s validation of an L2 construct in an app that is not checked as a whole (a plain
 * `App` without `IstioChecks.enable`): the object checks of its own manifest and its own
 * construct-level problems, so that `synth()` still fails on what Istio would reject. Under
 * `MeshApp` or `IstioChecks.enable` it reports nothing, because the app's report already holds
 * everything, once.
 */
export function ownValidation(resource: IConstruct): IValidation {
  return {
    validate: () => {
      if (isChecked(resource)) return [];
      const apiObject = resource.node.tryFindChild('Resource');
      if (!apiObject || !ApiObject.isApiObject(apiObject)) return [];
      const { object, findings } = renderApiObject(apiObject);
      const raw = [...findings, ...constructFindings(resource, object), ...(object ? checkObjects([object]) : [])];
      return settle(raw).errors.map((f) => formatFinding(f, { path: false }));
    },
  };
}

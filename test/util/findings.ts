import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { checkObjects, RawFinding, settle } from '../../lib/analysis/engine';
import { Finding } from '../../lib/analysis/finding';
import { constructFindings, renderApiObject } from '../../lib/analysis/sources/construct-tree';

/**
 * Every unsuppressed finding about one construct on its own, in the order they are reported: its
 * construct-level problems, then its rendered object through the object checks.
 */
export function findingsOf(construct: IConstruct): Finding[] {
  const child = construct.node.tryFindChild('Resource');
  const apiObject = ApiObject.isApiObject(construct) ? construct : child && ApiObject.isApiObject(child) ? child : undefined;
  const raw: RawFinding[] = [];
  const rendered = apiObject ? renderApiObject(apiObject) : undefined;
  raw.push(...rendered?.findings ?? []);
  if (!ApiObject.isApiObject(construct)) raw.push(...constructFindings(construct, rendered?.object));
  if (rendered?.object) raw.push(...checkObjects([rendered.object]));
  const report = settle(raw);
  const live = new Set([...report.errors, ...report.warnings].map(key));
  const seen = new Set<string>();
  return raw.map((r) => r.finding).filter((f) => live.has(key(f)) && !seen.has(key(f)) && seen.add(key(f)) !== undefined);
}

function key(f: Finding): string {
  return `${f.code}\0${f.field}\0${f.message}`;
}

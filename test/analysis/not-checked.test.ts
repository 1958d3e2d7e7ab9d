/**
 * What is not checked: every istioctl message of Istio 1.30.3 and every Kiali validation is either
 * mirrored by a check (named in its counterpart) or listed as not checked with a reason, never both,
 * and the README shows exactly that.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { coverageTables, mirrored } from '../../lib/analysis/check-table';
import { ISTIOCTL_NOT_CHECKED, KIALI_NOT_CHECKED } from '../../lib/analysis/not-checked';
import { ALL_CHECKS } from '../../lib/analysis/registry';
import { describeWithShared, ISTIO_DIR } from '../util/shared';

const MESSAGES = 'conformance/pkg/config/analysis/msg/messages.yaml';

/**
 * Kiali's validation codes (kiali/kiali, models/istio_validation.go, `checkDescriptors`), as of Kiali
 * 2.x: KIA0001 ("Weight sum should be 100") and KIA1103 are retired.
 * @see https://kiali.io/docs/features/validations/
 */
const KIALI_CODES = [
  'KIA0002', 'KIA0003', 'KIA0004', 'KIA0005',
  'KIA0101', 'KIA0102', 'KIA0104', 'KIA0105', 'KIA0106', 'KIA0107',
  'KIA0201', 'KIA0202', 'KIA0203', 'KIA0204', 'KIA0205', 'KIA0206', 'KIA0207', 'KIA0208', 'KIA0209',
  'KIA0301', 'KIA0302', 'KIA0401', 'KIA0501', 'KIA0505', 'KIA0506', 'KIA0601', 'KIA0602', 'KIA0701',
  'KIA1004', 'KIA1006', 'KIA1007', 'KIA1101', 'KIA1102', 'KIA1104', 'KIA1105', 'KIA1106', 'KIA1107', 'KIA1108',
  'KIA1201', 'KIA1301', 'KIA1401', 'KIA1402', 'KIA1501', 'KIA1502', 'KIA1503', 'KIA1504', 'KIA1601',
];

describeWithShared([MESSAGES])('istioctl\'s message catalog', () => {
  const catalog = (YAML.parse(fs.readFileSync(path.join(ISTIO_DIR, MESSAGES), 'utf8')).messages as { name: string; code: string }[]);
  const names = new Map(catalog.map((m) => [m.code, m.name]));

  test('every message is mirrored by a check or listed as not checked with a reason, never both', () => {
    const covered = mirrored('istioctl');
    const notChecked = new Set(ISTIOCTL_NOT_CHECKED.map((n) => n.code));
    expect(catalog.filter((m) => !covered.has(m.code) && !notChecked.has(m.code)).map((m) => `${m.code} ${m.name}`)).toEqual([]);
    expect([...notChecked].filter((code) => covered.has(code))).toEqual([]);
  });

  test('the checks and the list name only codes of the catalog (no retired code such as IST0113), with their names', () => {
    for (const [code, entry] of mirrored('istioctl')) {
      expect([code, names.has(code)]).toEqual([code, true]);
      if (entry.name) expect([code, entry.name]).toEqual([code, names.get(code)]);
    }
    for (const n of ISTIOCTL_NOT_CHECKED) expect([n.code, n.name]).toEqual([n.code, names.get(n.code)]);
  });
});

test('every Kiali validation is mirrored by a check or listed as not checked with a reason, never both', () => {
  const covered = mirrored('Kiali');
  const notChecked = new Set(KIALI_NOT_CHECKED.map((n) => n.code));
  expect(KIALI_CODES.filter((code) => !covered.has(code) && !notChecked.has(code))).toEqual([]);
  expect([...notChecked].filter((code) => covered.has(code))).toEqual([]);
  expect([...covered.keys(), ...notChecked].filter((code) => !KIALI_CODES.includes(code))).toEqual([]);
});

test('every reason says why, in the project\'s style (lowercase, no final period)', () => {
  for (const n of [...ISTIOCTL_NOT_CHECKED, ...KIALI_NOT_CHECKED]) {
    expect(n.reason).toMatch(/^[a-z`'A-Z]/);
    expect(n.reason).not.toMatch(/\.$/);
    expect(n.reason.length).toBeGreaterThan(20);
  }
});

test('the webhook\'s own messages (IST0106 errors, IST0133 warnings) are mirrored by the object checks whose counterpart is the webhook', () => {
  const covered = mirrored('istioctl');
  const errors = covered.get('IST0106')!.codes;
  expect(errors).toContain('CI0101');
  expect(errors.every((code) => ALL_CHECKS.find((c) => c.code === code)!.severity === 'error')).toBe(true);
  expect(covered.get('IST0133')!.codes.length).toBeGreaterThan(0);
  // and a check that names no IST code mirrors nothing
  expect(mirrored('istioctl', ALL_CHECKS.filter((c) => c.code === 'CI1012'))).toEqual(new Map([['IST0106', { name: 'SchemaValidationError', codes: [] }], ['IST0133', { name: 'SchemaWarning', codes: [] }]]));
});

test('the coverage tables list each mirrored code with the checks that mirror it, and each code not checked with its reason', () => {
  const tables = coverageTables();
  expect(tables).toMatch(/\| `IST0101` ReferencedResourceNotFound \| `CI1001`, `CI1002`/);
  expect(tables).toContain('| `IST0161` InvalidGatewayCredential | needs the TLS Secrets');
  expect(tables).toContain('| `KIA1107` | `CI1003` |');
});

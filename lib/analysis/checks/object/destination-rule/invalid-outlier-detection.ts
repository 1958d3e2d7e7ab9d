import { defineCheck } from '../../../check';
import { Severity } from '../../../finding';
import { asRecord, isRecord } from '../../../manifest/read';
import { numberOf, reportDuration, reportPercent } from './private/fields';
import { DESTINATION_RULE_KINDS } from './private/kinds';
import { policySettings } from './private/traffic-policies';

/**
 * CI0212: `outlierDetection` that Istio's webhook rejects (`validateOutlierDetection`): an
 * `interval` or `baseEjectionTime` below 1ms or finer than a millisecond, `maxEjectionPercent` or
 * `minHealthPercent` outside 0-100, or `consecutiveLocalOriginFailures` without
 * `splitExternalLocalOriginErrors: true`. The deprecated `consecutiveErrors` is a warning, as the
 * webhook's.
 *
 * @see https://istio.io/latest/docs/reference/config/networking/destination-rule/#OutlierDetection
 */
export const InvalidOutlierDetection = defineCheck({
  code: 'CI0212',
  name: 'InvalidOutlierDetection',
  severity: Severity.ERROR,
  counterpart: 'webhook',
  catches: 'outlier detection with a duration below 1ms, a percentage outside 0-100, or local-origin failures without splitExternalLocalOriginErrors; a warning for consecutiveErrors',
  scope: 'object',
  kinds: DESTINATION_RULE_KINDS,
  evaluate({ object, report }) {
    for (const { settings, field } of policySettings(asRecord(object.manifest.spec))) {
      const outlier = settings.outlierDetection;
      if (!isRecord(outlier)) continue;
      const at = `${field}.outlierDetection`;
      reportDuration(report, outlier, at, 'baseEjectionTime');
      reportDuration(report, outlier, at, 'interval');
      const legacy = numberOf(outlier.consecutiveErrors);
      if (legacy !== undefined && legacy !== 0) {
        report({
          field: `${at}.consecutiveErrors`, value: legacy, severity: Severity.WARNING,
          message: 'outlier detection consecutiveErrors is deprecated',
          fix: `use ${at}.consecutiveGatewayErrors (502, 503, 504) or consecutive5xxErrors (every 5xx) instead`,
        });
      }
      const localOrigin = numberOf(outlier.consecutiveLocalOriginFailures);
      if (localOrigin !== undefined && localOrigin > 0 && outlier.splitExternalLocalOriginErrors !== true) {
        report({
          field: `${at}.consecutiveLocalOriginFailures`, value: localOrigin,
          message: `consecutiveLocalOriginFailures is ${localOrigin} but splitExternalLocalOriginErrors is not true, so local-origin failures are not counted apart`,
          fix: `set ${at}.splitExternalLocalOriginErrors: true, or remove consecutiveLocalOriginFailures`,
        });
      }
      reportPercent(report, outlier, at, 'maxEjectionPercent');
      reportPercent(report, outlier, at, 'minHealthPercent');
    }
  },
});

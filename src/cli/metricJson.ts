import type { MetricMatch } from '../answer/metricMatcher.js';

/** The `metric --json` match shape (GUIDE contract). */
export function metricMatchJson(m: MetricMatch) {
  return {
    name: m.entry.name,
    value: m.entry.value,
    unit: m.entry.unit,
    qualifier: m.entry.qualifier,
    report: m.report.id,
    year: m.report.year,
    section: m.entry.section.id,
    page: m.entry.page,
    evidence: m.entry.evidence,
  };
}

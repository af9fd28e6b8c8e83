// The report's "Prepared for", "Prepared by" and note as typed on the page. One per page, shared by the
// report's own modules (the fields, the print header) and the saved scenarios, which sit in other islands
// but share this module. Kept in memory only: never in the URL, which is what a shared link carries.
import {
  REPORT_DETAIL_KEYS,
  usableDetails,
  type ReportDetailKey,
  type ReportDetails,
} from '../../lib/report-details';

class ReportDetailsStore {
  /** Exactly what was typed in each field, kept even when it is too long to use. */
  typed = $state<Record<ReportDetailKey, string>>({ preparedFor: '', preparedBy: '', note: '' });
  /** What the report prints and a saved scenario keeps: cleaned, filled in and within the limits. */
  readonly usable: ReportDetails = $derived(usableDetails(this.typed));

  /** Replaces every field, as opening a saved scenario does: what it has no value for is emptied. */
  replace(details: ReportDetails) {
    for (const key of REPORT_DETAIL_KEYS) this.typed[key] = details[key] ?? '';
  }
}

export const reportDetails = new ReportDetailsStore();

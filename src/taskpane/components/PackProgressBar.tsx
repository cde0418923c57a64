/** Writing the audit pack: built in the worker (Cancel leaves the workbook as it was), then its sheets written without a stop halfway. */
import type { PackProgress } from '../hooks/useAuditPack';
import { Progress } from './Progress';

export function PackProgressBar({ progress, onCancel }: { readonly progress: PackProgress; readonly onCancel: () => void }) {
  return progress.stage === 'building' ? (
    <Progress label="Writing the audit pack" text="Building the audit pack in the background…" fraction={0.3} onCancel={onCancel} />
  ) : (
    <Progress label="Writing the audit pack" text={`Writing ${progress.sheets} sheets into the workbook… (this step is not stopped halfway)`} fraction={0.7} />
  );
}

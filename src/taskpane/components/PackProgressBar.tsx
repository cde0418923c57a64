/**
 * Writing the audit pack: built in the worker, its sheets written (rows written of all), then the
 * session beside it; Cancel at each stage leaves the workbook as it was before that stage.
 */
import type { PackProgress } from '../hooks/useAuditPack';
import { Progress } from './Progress';

const percent = (f: number): string => `${Math.floor(Math.min(1, Math.max(0, f)) * 100)}%`;

export function PackProgressBar({ progress, onCancel }: { readonly progress: PackProgress; readonly onCancel: () => void }) {
  switch (progress.stage) {
    case 'building':
      return <Progress label="Writing the audit pack" text="Building the audit pack in the background…" fraction={0.3} onCancel={onCancel} />;
    case 'writing':
      return (
        <Progress
          label="Writing the audit pack"
          text={`Writing ${progress.sheets} sheets into the workbook: ${percent(progress.fraction)} of the rows… (Cancel takes them out again)`}
          fraction={0.3 + 0.6 * progress.fraction}
          onCancel={onCancel}
        />
      );
    case 'session':
      return (
        <Progress
          label="Writing the audit pack"
          text={`The pack is written. ${progress.doing === 'reading' ? 'Reading it back for the session' : 'Writing the session beside it'}: ${percent(progress.fraction)}…`}
          fraction={0.9 + 0.1 * progress.fraction}
          onCancel={onCancel}
        />
      );
    default: {
      const never: never = progress;
      return never;
    }
  }
}

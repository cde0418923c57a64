/** Every ISO date-time inside a sentence (the import ledger's refusals) as local time, dd/mm/yyyy hh:mm. */
import { ukDateTime } from '../../model';

export function ukTimesIn(text: string): string {
  return text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)/g, (m) => ukDateTime(m).replace(',', ''));
}

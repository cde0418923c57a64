/** The Direct Debits mode's shared layout. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useDdStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '130px' },
  // Width 0 stretched back to the column by min-width 100%: a wide table scrolls inside its box and
  // never lends its own width to the pane (which would make the whole page scroll sideways at 350 px).
  scroll: { overflowX: 'auto', width: 0, minWidth: '100%' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  table: { borderCollapse: 'collapse', width: '100%', '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' } },
  problem: { color: tokens.colorPaletteRedForeground1 },
  /** A second line in a table cell: the pane is 320 to 400 pixels wide, so a row stacks what a wide table would spread. */
  line: { display: 'block' },
  /** A row's button no wider than its word (Fluent's small button is 64 px at least). */
  compact: { minWidth: 'auto' },
});

/** The Factoring mode's two pages: the quarter's bills (issue 15) and the debt page (issue 16). */
import { Button, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ row: { display: 'flex', gap: tokens.spacingHorizontalXS } });

export function FactoringPages({ page, onPage }: { readonly page: 'bills' | 'debt'; readonly onPage: (page: 'bills' | 'debt') => void }) {
  const styles = useStyles();
  return (
    <div role="group" aria-label="Factoring page" className={styles.row}>
      <Button size="small" appearance={page === 'bills' ? 'primary' : 'subtle'} aria-pressed={page === 'bills'} onClick={() => onPage('bills')}>
        Quarterly bills
      </Button>
      <Button size="small" appearance={page === 'debt' ? 'primary' : 'subtle'} aria-pressed={page === 'debt'} onClick={() => onPage('debt')}>
        Factoring debt
      </Button>
    </div>
  );
}

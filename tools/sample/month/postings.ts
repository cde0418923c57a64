/** Postings: the debit, receipts by channel, and the occasional write-off, refund and adjustment. */
import { OTHER_ELEMENTS } from './accounts';
import { type Calendar, dayOf, ukOf, weekdayOf } from './calendar';
import { type Accounts, CAT, F_ADJUSTABLE, type Interner, NO_END, type PostingStore, ST_FORMER, ST_NEW } from './model';
import type { Rng } from './rng';

const CHANNEL_DESCS: ReadonlyMap<number, readonly string[]> = new Map([
  [CAT.ALLPAY, ['Allpay - Post Office', 'Allpay - PayPoint', 'Allpay - online', 'Allpay - telephone', 'Allpay - app']],
  [CAT.CASH, ['Cash office payment', 'Cheque payment', 'Cash - payment kiosk']],
  [CAT.BANK, ['Standing order', 'Faster Payment', 'Bank Giro Credit', 'BACS credit']],
  [CAT.CARD, ['Card payment - online', 'Card payment - telephone', 'Card payment - kiosk']],
]);

interface PaymentDays {
  /** [weekday 0-4][0: even weeks, 1: odd weeks, 2: every week] -> posting days in the period. */
  readonly weekly: number[][][];
  readonly monthly: (dom: number) => number[];
  /** Two councils' Housing Benefit runs. */
  readonly hbRuns: number[][];
  /** Universal Credit payment days for each of the 28 offsets of a four-weekly cycle. */
  readonly ucDays: number[][];
}

function paymentDays(cal: Calendar): PaymentDays {
  const weekly: number[][][] = Array.from({ length: 5 }, () => [[], [], []]);
  for (let m = cal.start - weekdayOf(cal.start) - 7; m <= cal.end; m += 7) {
    const parity = Math.floor((m - 4) / 7) % 2; // day 4 (5 January 1970) was a Monday
    for (let wd = 0; wd < 5; wd++) {
      // A payment due on a bank holiday is posted on the next working day.
      const d = cal.nextWorking(m + wd);
      if (d < cal.start || d > cal.end) continue;
      const slot = weekly[wd] as number[][];
      (slot[parity] as number[]).push(d);
      (slot[2] as number[]).push(d);
    }
  }
  const monthlyCache = new Map<number, number[]>();
  const monthly = (dom: number): number[] => {
    let days = monthlyCache.get(dom);
    if (!days) {
      const d = cal.nextWorking(dayOf(cal.year, cal.month, dom));
      days = d <= cal.end ? [d] : [];
      monthlyCache.set(dom, days);
    }
    return days;
  };
  const cycle = (anchor: number): number[] => {
    const out: number[] = [];
    const k0 = Math.floor((cal.start - anchor) / 28) - 1;
    for (let k = k0; k <= k0 + 4; k++) {
      const d = cal.nextWorking(anchor + 28 * k);
      if (d >= cal.start && d <= cal.end && !out.includes(d)) out.push(d);
    }
    return out;
  };
  // Councils pay Housing Benefit four-weekly in arrears, each on its own cycle (a Monday, a Thursday).
  const hbRuns = [cycle(cal.rentYearStart + 14), cycle(cal.rentYearStart + 3)];
  const ucDays = Array.from({ length: 28 }, (_, offset) => cycle(cal.rentYearStart + offset));
  return { weekly, monthly, hbRuns, ucDays };
}

const P_HB_FULL = 0;
const P_HB_PART = 1;
const P_UC = 2;
const P_DD = 3;
const P_ALLPAY = 4;
const P_BANK = 5;
const P_CASH = 6;
const P_CARD = 7;
const P_NONE = 8;

export function makePostings(a: Accounts, p: PostingStore, cal: Calendar, rng: Rng, descs: Interner): void {
  const days = paymentDays(cal);
  const rentDesc = cal.mondays.map((m) => {
    const wc = ukOf(m);
    return {
      whole: descs.id(`Rent and charges w/c ${wc}`),
      rent: descs.id(`Rent w/c ${wc}`),
      service: descs.id(`Service charge w/c ${wc}`),
      other: OTHER_ELEMENTS.map((o) => descs.id(`${o} w/c ${wc}`)),
    };
  });
  const channelDesc = new Map<number, number[]>();
  for (const [cat, list] of CHANNEL_DESCS) channelDesc.set(cat, list.map((s) => descs.id(s)));
  const hbDesc = new Map<number, number>();
  const dHbFinal = descs.id('Housing Benefit final payment');
  const dUc = descs.id('Universal Credit managed payment (APA)');
  const dDd = [descs.id('Direct Debit collection - weekly'), descs.id('Direct Debit collection - fortnightly'), descs.id('Direct Debit collection - monthly')];
  const dAdvance = descs.id('Rent in advance at sign-up');
  const dLump = descs.id('Lump sum payment');
  const dWoFormer = descs.id('Former tenant arrears written off');
  const dWoSmall = descs.id('Small balance write-off');
  const dRefund = descs.id('Refund of credit balance by BACS');
  const adjustments = [
    { d: descs.id('Rechargeable repair - replacement door'), lo: 8000, hi: 45000 },
    { d: descs.id('Rechargeable repair - lock change'), lo: 4500, hi: 12000 },
    { d: descs.id('Court costs'), lo: 5000, hi: 35500 },
    { d: descs.id('Reversal of payment posted in error'), lo: -20000, hi: -1000 },
    { d: descs.id('Correction of service charge'), lo: -3000, hi: -200 },
  ];
  const anyDay = cal.working.length > 0 ? cal.working : [cal.start];
  // Write-offs go through the arrears panel on one or two days; refunds are paid on Thursdays.
  const mid = cal.working.filter((d) => d >= cal.start + 9 && d <= cal.end - 8);
  const woDays = mid.length > 0 ? [...new Set([rng.pick(mid), rng.pick(mid)])] : anyDay.slice(0, 1);
  const thursdays = (days.weekly[3]?.[2] ?? []).filter((d) => d <= cal.end - 6);
  const refundDays = thursdays.length > 0 ? thursdays : anyDay.slice(0, 1);

  const pay = (i: number, day: number, cat: number, amount: number, desc: number): void => {
    if (amount > 0) p.push(day, cat, -amount, i, desc, F_ADJUSTABLE);
  };

  for (let i = 0; i < a.n; i++) {
    const start = a.start[i]!;
    const end = a.end[i]!;
    const weekly = a.weekly[i]!;
    const opening = a.opening[i]!;
    const status = a.status[i]!;
    const split = a.el[1][i]! > 0;

    // The debit (the contract's rule): every Monday within the tenancy that is not rent-free.
    for (let k = 0; k < cal.mondays.length; k++) {
      const m = cal.mondays[k]!;
      if (m < start || m > end || cal.rentFree.has(m)) continue;
      const d = rentDesc[k]!;
      if (!split) p.push(m, CAT.RENT, weekly, i, d.whole, 0);
      else {
        p.push(m, CAT.RENT, a.el[0][i]!, i, d.rent, 0);
        p.push(m, CAT.RENT, a.el[1][i]!, i, d.service, 0);
        if (a.el[2][i]! > 0) p.push(m, CAT.RENT, a.el[2][i]!, i, d.other[a.otherKind[i]!]!, 0);
      }
    }

    const lastPayable = end === NO_END ? NO_END : end + 14;
    const payable = (d: number): boolean => d >= start && d <= lastPayable;
    const arrangement = opening > 2 * weekly ? rng.int(200, 1500) : 0;
    const descOf = (cat: number): number => rng.pick(channelDesc.get(cat) as number[]);
    /** freq 0 weekly, 1 fortnightly, 2 monthly (52 weeks over 12 months, half up to the penny). */
    const selfPay = (cat: number, perWeek: number, freq: number, round: boolean, desc: number, missP: number): void => {
      let base = perWeek + arrangement;
      if (round) base = Math.ceil(base / 500) * 500;
      if (freq === 2) {
        const dom = cat === CAT.DD ? rng.pick([1, 8, 15, 22, 28]) : rng.int(1, 28);
        const monthlyAmount = Math.floor((base * 52 + 6) / 12);
        for (const d of days.monthly(dom)) if (payable(d) && !rng.chance(missP)) pay(i, d, cat, monthlyAmount, desc);
        return;
      }
      // Direct Debits are collected on Fridays; others pay on a weekday of their choosing.
      const wd = cat === CAT.DD ? 4 : rng.int(0, 4);
      const list = days.weekly[wd]![freq === 0 ? 2 : rng.int(0, 1)]!;
      for (const d of list) if (payable(d) && !rng.chance(missP)) pay(i, d, cat, freq === 0 ? base : base * 2, desc);
    };
    const freqOf = (): number => {
      const r = rng.next();
      return r < 0.55 ? 0 : r < 0.75 ? 1 : 2;
    };

    if (status === ST_FORMER) {
      // Former tenants: some pay an arrangement, some arrears are written off.
      if (opening > 0 && rng.chance(0.25)) {
        const cat = rng.pick([CAT.ALLPAY, CAT.BANK]);
        for (const d of days.monthly(rng.int(1, 28))) pay(i, d, cat, Math.min(opening, rng.int(500, 3000)), descOf(cat));
      } else if (opening > 0 && rng.chance(0.3)) p.push(rng.pick(woDays), CAT.WRITEOFF, -opening, i, dWoFormer, F_ADJUSTABLE);
      continue;
    }
    if (status === ST_NEW) {
      const d = cal.nextWorking(start);
      if (d <= cal.end) {
        const cat = rng.chance(0.5) ? CAT.CARD : CAT.CASH;
        pay(i, d, cat, weekly * rng.int(1, 2), dAdvance);
      }
    }

    const r = rng.next();
    const profile =
      r < 0.14 ? P_HB_FULL : r < 0.24 ? P_HB_PART : r < 0.44 ? P_UC : r < 0.64 ? P_DD : r < 0.78 ? P_ALLPAY : r < 0.88 ? P_BANK : r < 0.91 ? P_CASH : r < 0.97 ? P_CARD : P_NONE;
    switch (profile) {
      case P_HB_FULL:
      case P_HB_PART: {
        const council = rng.int(0, 1);
        // Heating is not eligible for Housing Benefit; a partial award leaves the tenant a top-up to pay.
        const hbWeekly = profile === P_HB_FULL ? weekly - (a.otherKind[i] === 1 ? a.el[2][i]! : 0) : Math.floor((weekly * rng.int(30, 90)) / 100);
        for (const d of days.hbRuns[council]!) {
          if (d < start + 7 || d > (end === NO_END ? NO_END : end + 28)) continue;
          let desc = hbDesc.get(d);
          if (desc === undefined) {
            desc = descs.id(`Housing Benefit 4 weeks to ${ukOf(d - 1)}`);
            hbDesc.set(d, desc);
          }
          pay(i, d, CAT.HB, 4 * hbWeekly, end !== NO_END && d > end ? dHbFinal : desc);
        }
        if (profile === P_HB_PART) {
          const cat = rng.pick([CAT.ALLPAY, CAT.ALLPAY, CAT.CASH, CAT.BANK, CAT.CARD]);
          selfPay(cat, weekly - hbWeekly, rng.chance(0.7) ? 0 : 1, cat === CAT.ALLPAY && rng.chance(0.3), descOf(cat), 0.08);
        }
        break;
      }
      case P_UC: {
        // The housing element paid direct (an APA), four-weekly, sometimes skipped; a top-up from the tenant.
        const offset = rng.int(0, 27);
        const share = rng.int(60, 100);
        const apa = Math.floor((weekly * share * 52) / 1200);
        for (const d of days.ucDays[offset]!) if (d >= start + 28 && d <= end && !rng.chance(0.08)) pay(i, d, CAT.UC, apa, dUc);
        if (share < 100 && rng.chance(0.6)) {
          const cat = rng.pick([CAT.ALLPAY, CAT.BANK, CAT.CARD]);
          selfPay(cat, Math.floor((weekly * (100 - share)) / 100), rng.chance(0.6) ? 0 : 1, cat === CAT.ALLPAY && rng.chance(0.3), descOf(cat), 0.1);
        }
        break;
      }
      case P_DD: {
        const rf = rng.next();
        const freq = rf < 0.45 ? 0 : rf < 0.6 ? 1 : 2;
        selfPay(CAT.DD, weekly, freq, false, dDd[freq]!, 0.02);
        break;
      }
      case P_ALLPAY:
      case P_BANK:
      case P_CASH:
      case P_CARD: {
        const cat = profile === P_ALLPAY ? CAT.ALLPAY : profile === P_BANK ? CAT.BANK : profile === P_CASH ? CAT.CASH : CAT.CARD;
        selfPay(cat, weekly, freqOf(), (cat === CAT.ALLPAY || cat === CAT.CASH) && rng.chance(0.3), descOf(cat), 0.07);
        break;
      }
      case P_NONE:
        break;
      default:
        throw new Error(`unknown payment profile ${profile}`);
    }

    if (rng.chance(0.04)) {
      const cat = rng.pick([CAT.CARD, CAT.BANK, CAT.ALLPAY]);
      const d = rng.pick(anyDay);
      if (payable(d)) pay(i, d, cat, rng.int(10, 80) * 500, dLump);
    }
    if (opening > 0 && opening < 200 && rng.chance(0.5)) p.push(rng.pick(woDays), CAT.WRITEOFF, -opening, i, dWoSmall, F_ADJUSTABLE);
    if (opening < -2 * weekly && profile !== P_HB_FULL && profile !== P_HB_PART && rng.chance(0.2)) {
      p.push(rng.pick(refundDays), CAT.REFUND, -opening - weekly, i, dRefund, F_ADJUSTABLE);
    }
    if (rng.chance(0.005)) {
      const adj = rng.pick(adjustments);
      p.push(rng.pick(anyDay), CAT.ADJUST, rng.int(adj.lo, adj.hi), i, adj.d, F_ADJUSTABLE);
    }
  }
}

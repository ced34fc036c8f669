import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { dayOfWeek } from './clock-dates.js';
import {
  CALIFORNIA_CALENDAR,
  californiaCalendar,
  HOLIDAY_LABELS,
  HolidayName,
  judicialHolidays,
  stateHolidays,
} from './holidays.js';

/*
 * Expected tables, 2016–2030, written out (month-day) from the statutes independently of holidays.ts:
 * state = Gov. Code 19853's eleven days as CalHR lists them (Sunday → Monday; Saturday stays, except
 * Veterans Day → Friday); judicial = CCP 135 (adds Lincoln Day; Columbus Day through 2021; Native
 * American Day from 2022; Juneteenth from 2023; Saturday → Friday, Sunday → Monday).
 */
const STATE_TABLE: Record<number, readonly string[]> = {
  2016: ['01-01', '01-18', '02-15', '03-31', '05-30', '07-04', '09-05', '11-11', '11-24', '11-25', '12-26'],
  2017: ['01-02', '01-16', '02-20', '03-31', '05-29', '07-04', '09-04', '11-10', '11-23', '11-24', '12-25'],
  2018: ['01-01', '01-15', '02-19', '03-31', '05-28', '07-04', '09-03', '11-12', '11-22', '11-23', '12-25'],
  2019: ['01-01', '01-21', '02-18', '04-01', '05-27', '07-04', '09-02', '11-11', '11-28', '11-29', '12-25'],
  2020: ['01-01', '01-20', '02-17', '03-31', '05-25', '07-04', '09-07', '11-11', '11-26', '11-27', '12-25'],
  2021: ['01-01', '01-18', '02-15', '03-31', '05-31', '07-05', '09-06', '11-11', '11-25', '11-26', '12-25'],
  2022: ['01-01', '01-17', '02-21', '03-31', '05-30', '07-04', '09-05', '11-11', '11-24', '11-25', '12-26'],
  2023: ['01-02', '01-16', '02-20', '03-31', '05-29', '07-04', '09-04', '11-10', '11-23', '11-24', '12-25'],
  2024: ['01-01', '01-15', '02-19', '04-01', '05-27', '07-04', '09-02', '11-11', '11-28', '11-29', '12-25'],
  2025: ['01-01', '01-20', '02-17', '03-31', '05-26', '07-04', '09-01', '11-11', '11-27', '11-28', '12-25'],
  2026: ['01-01', '01-19', '02-16', '03-31', '05-25', '07-04', '09-07', '11-11', '11-26', '11-27', '12-25'],
  2027: ['01-01', '01-18', '02-15', '03-31', '05-31', '07-05', '09-06', '11-11', '11-25', '11-26', '12-25'],
  2028: ['01-01', '01-17', '02-21', '03-31', '05-29', '07-04', '09-04', '11-10', '11-23', '11-24', '12-25'],
  2029: ['01-01', '01-15', '02-19', '03-31', '05-28', '07-04', '09-03', '11-12', '11-22', '11-23', '12-25'],
  2030: ['01-01', '01-21', '02-18', '04-01', '05-27', '07-04', '09-02', '11-11', '11-28', '11-29', '12-25'],
};
const JUDICIAL_TABLE: Record<number, readonly string[]> = {
  2016: [
    '01-01',
    '01-18',
    '02-12',
    '02-15',
    '03-31',
    '05-30',
    '07-04',
    '09-05',
    '10-10',
    '11-11',
    '11-24',
    '11-25',
    '12-26',
  ],
  2017: [
    '01-02',
    '01-16',
    '02-13',
    '02-20',
    '03-31',
    '05-29',
    '07-04',
    '09-04',
    '10-09',
    '11-10',
    '11-23',
    '11-24',
    '12-25',
  ],
  2018: [
    '01-01',
    '01-15',
    '02-12',
    '02-19',
    '03-30',
    '05-28',
    '07-04',
    '09-03',
    '10-08',
    '11-12',
    '11-22',
    '11-23',
    '12-25',
  ],
  2019: [
    '01-01',
    '01-21',
    '02-12',
    '02-18',
    '04-01',
    '05-27',
    '07-04',
    '09-02',
    '10-14',
    '11-11',
    '11-28',
    '11-29',
    '12-25',
  ],
  2020: [
    '01-01',
    '01-20',
    '02-12',
    '02-17',
    '03-31',
    '05-25',
    '07-03',
    '09-07',
    '10-12',
    '11-11',
    '11-26',
    '11-27',
    '12-25',
  ],
  2021: [
    '01-01',
    '01-18',
    '02-12',
    '02-15',
    '03-31',
    '05-31',
    '07-05',
    '09-06',
    '10-11',
    '11-11',
    '11-25',
    '11-26',
    '12-24',
    '12-31',
  ],
  2022: ['01-17', '02-11', '02-21', '03-31', '05-30', '07-04', '09-05', '09-23', '11-11', '11-24', '11-25', '12-26'],
  2023: [
    '01-02',
    '01-16',
    '02-13',
    '02-20',
    '03-31',
    '05-29',
    '06-19',
    '07-04',
    '09-04',
    '09-22',
    '11-10',
    '11-23',
    '11-24',
    '12-25',
  ],
  2024: [
    '01-01',
    '01-15',
    '02-12',
    '02-19',
    '04-01',
    '05-27',
    '06-19',
    '07-04',
    '09-02',
    '09-27',
    '11-11',
    '11-28',
    '11-29',
    '12-25',
  ],
  2025: [
    '01-01',
    '01-20',
    '02-12',
    '02-17',
    '03-31',
    '05-26',
    '06-19',
    '07-04',
    '09-01',
    '09-26',
    '11-11',
    '11-27',
    '11-28',
    '12-25',
  ],
  2026: [
    '01-01',
    '01-19',
    '02-12',
    '02-16',
    '03-31',
    '05-25',
    '06-19',
    '07-03',
    '09-07',
    '09-25',
    '11-11',
    '11-26',
    '11-27',
    '12-25',
  ],
  2027: [
    '01-01',
    '01-18',
    '02-12',
    '02-15',
    '03-31',
    '05-31',
    '06-18',
    '07-05',
    '09-06',
    '09-24',
    '11-11',
    '11-25',
    '11-26',
    '12-24',
    '12-31',
  ],
  2028: [
    '01-17',
    '02-11',
    '02-21',
    '03-31',
    '05-29',
    '06-19',
    '07-04',
    '09-04',
    '09-22',
    '11-10',
    '11-23',
    '11-24',
    '12-25',
  ],
  2029: [
    '01-01',
    '01-15',
    '02-12',
    '02-19',
    '03-30',
    '05-28',
    '06-19',
    '07-04',
    '09-03',
    '09-28',
    '11-12',
    '11-22',
    '11-23',
    '12-25',
  ],
  2030: [
    '01-01',
    '01-21',
    '02-12',
    '02-18',
    '04-01',
    '05-27',
    '06-19',
    '07-04',
    '09-02',
    '09-27',
    '11-11',
    '11-28',
    '11-29',
    '12-25',
  ],
};

const monthDays = (list: readonly { date: string }[]): string[] => list.map((h) => h.date.slice(5));

describe('state holidays (LC 4600.4(b) business-day calendar)', () => {
  for (let year = 2016; year <= 2030; year += 1) {
    it(`lists the CalHR state holidays of ${year}`, () => {
      expect(monthDays(stateHolidays(year))).toEqual(STATE_TABLE[year]);
    });
  }

  it('matches the CalHR 2026 list exactly, Independence Day on its Saturday with no Friday closure', () => {
    const h = stateHolidays(2026);
    expect(h.map((d) => d.date)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-03-31',
      '2026-05-25',
      '2026-07-04',
      '2026-09-07',
      '2026-11-11',
      '2026-11-26',
      '2026-11-27',
      '2026-12-25',
    ]);
    expect(CALIFORNIA_CALENDAR.isBusinessDay('2026-07-03')).toBe(true);
  });

  it('observes Veterans Day on the Friday before when it falls on a Saturday (2023-11-10)', () => {
    const vet = stateHolidays(2023).find((h) => h.name === 'veterans-day');
    expect(vet).toEqual({ date: '2023-11-10', name: 'veterans-day', actualDate: '2023-11-11', observed: true });
  });

  it('observes a Sunday holiday on the Monday after (Cesar Chavez Day 2024 → April 1)', () => {
    const chavez = stateHolidays(2024).find((h) => h.name === 'cesar-chavez-day');
    expect(chavez?.date).toBe('2024-04-01');
    expect(chavez?.observed).toBe(true);
  });

  it('keeps Lincoln Day, Juneteenth and Native American Day as business days (optional for state staff)', () => {
    expect(CALIFORNIA_CALENDAR.isBusinessDay('2024-02-12')).toBe(true);
    expect(CALIFORNIA_CALENDAR.isBusinessDay('2024-06-19')).toBe(true);
    expect(CALIFORNIA_CALENDAR.isBusinessDay('2024-09-27')).toBe(true);
  });
});

describe('judicial holidays (CCP 135, used by CCP 12a)', () => {
  for (let year = 2016; year <= 2030; year += 1) {
    it(`lists the court holidays of ${year}`, () => {
      expect(monthDays(judicialHolidays(year))).toEqual(JUDICIAL_TABLE[year]);
    });
  }

  it('matches the California courts 2026 holiday schedule', () => {
    expect(judicialHolidays(2026).map((h) => `${h.date} ${HOLIDAY_LABELS[h.name]}`)).toEqual([
      "2026-01-01 New Year's Day",
      '2026-01-19 Dr. Martin Luther King, Jr. Day',
      '2026-02-12 Lincoln Day',
      "2026-02-16 Presidents' Day",
      '2026-03-31 Cesar Chavez Day',
      '2026-05-25 Memorial Day',
      '2026-06-19 Juneteenth',
      '2026-07-03 Independence Day',
      '2026-09-07 Labor Day',
      '2026-09-25 Native American Day',
      '2026-11-11 Veterans Day',
      '2026-11-26 Thanksgiving Day',
      '2026-11-27 Day after Thanksgiving',
      '2026-12-25 Christmas Day',
    ]);
  });

  it('observes New Year 2022 (a Saturday) on Friday 2021-12-31, in the 2021 list', () => {
    expect(judicialHolidays(2021).at(-1)).toEqual({
      date: '2021-12-31',
      name: 'new-years-day',
      actualDate: '2022-01-01',
      observed: true,
    });
    expect(judicialHolidays(2022).some((h) => h.name === 'new-years-day')).toBe(false);
  });

  it('replaced Columbus Day with Native American Day in 2022 and added Juneteenth in 2023', () => {
    const names = (y: number) => judicialHolidays(y).map((h) => h.name);
    expect(names(2021)).toContain('columbus-day');
    expect(names(2021)).not.toContain('native-american-day');
    expect(names(2022)).toContain('native-american-day');
    expect(names(2022)).not.toContain('columbus-day');
    expect(names(2022)).not.toContain('juneteenth');
    expect(names(2023)).toContain('juneteenth');
  });

  it('never closes courts on a weekend day in the list (weekend holidays move to weekdays)', () => {
    for (let year = 2013; year <= 2040; year += 1) {
      for (const h of judicialHolidays(year)) expect([0, 6]).not.toContain(dayOfWeek(h.date));
    }
  });

  it('includes every state closure, so CCP 12a holidays are weekends plus judicial holidays', () => {
    for (let year = 2016; year <= 2030; year += 1) {
      const judicial = new Set(judicialHolidays(year).map((h) => h.date));
      for (const h of stateHolidays(year)) {
        if (dayOfWeek(h.date) !== 6) expect(judicial.has(h.date), h.date).toBe(true);
      }
    }
  });
});

describe('the business calendar', () => {
  it('treats weekends, state holidays and declared closures as non-business days', () => {
    expect(CALIFORNIA_CALENDAR.isBusinessDay('2024-07-04')).toBe(false);
    expect(CALIFORNIA_CALENDAR.isBusinessDay('2024-07-06')).toBe(false);
    expect(CALIFORNIA_CALENDAR.isBusinessDay('2024-07-05')).toBe(true);
    const declared = californiaCalendar({ extraClosedDays: ['2024-07-05'] });
    expect(declared.isBusinessDay('2024-07-05')).toBe(false);
    expect(declared.isCcp12aHoliday('2024-07-05')).toBe(true);
  });

  it('treats judicial-only holidays as CCP 12a holidays but as business days', () => {
    expect(CALIFORNIA_CALENDAR.isCcp12aHoliday('2024-02-12')).toBe(true);
    expect(CALIFORNIA_CALENDAR.isBusinessDay('2024-02-12')).toBe(true);
    expect(CALIFORNIA_CALENDAR.isCcp12aHoliday('2024-02-13')).toBe(false);
  });

  it('has a label for every holiday name', () => {
    for (const name of HolidayName.options) expect(HOLIDAY_LABELS[name].length).toBeGreaterThan(0);
  });
});

describe('date-holidays US-CA (why the table is ours)', () => {
  const hd = new Holidays('US', 'CA');
  const publicDates = (year: number) =>
    new Set(
      hd
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );

  it('disagrees with the California calendars it would have to match', () => {
    // Juneteenth 2022 was not yet a California holiday; Lincoln Day and Native American Day 2024 are
    // court holidays it lacks; Friday 2020-07-03 was not a state closure.
    expect(publicDates(2022).has('2022-06-19')).toBe(true);
    expect(publicDates(2024).has('2024-02-12')).toBe(false);
    expect(publicDates(2024).has('2024-09-27')).toBe(false);
    expect(publicDates(2020).has('2020-07-03')).toBe(true);
    expect(CALIFORNIA_CALENDAR.isBusinessDay('2020-07-03')).toBe(true);
  });

  it('agrees with our statutory dates for the floating holidays, 2016–2030 (independent check of the weekday rules)', () => {
    const floating: Partial<Record<HolidayName, string>> = {
      'martin-luther-king-jr-day': 'Martin Luther King Jr. Day',
      'presidents-day': "Presidents' Day",
      'memorial-day': 'Memorial Day',
      'labor-day': 'Labor Day',
      'thanksgiving-day': 'Thanksgiving Day',
      'day-after-thanksgiving': 'Day after Thanksgiving Day',
    };
    for (let year = 2016; year <= 2030; year += 1) {
      const theirs = hd.getHolidays(year);
      for (const ours of stateHolidays(year)) {
        const theirName = floating[ours.name];
        if (theirName === undefined) continue;
        const match = theirs.find((h) => h.name === theirName && h.type === 'public');
        expect(match?.date.slice(0, 10), `${year} ${ours.name}`).toBe(ours.date);
      }
    }
  });

  it('computes the fourth Friday of September the same way the courts publish it', () => {
    expect(judicialHolidays(2024).find((h) => h.name === 'native-american-day')?.date).toBe('2024-09-27');
    expect(judicialHolidays(2025).find((h) => h.name === 'native-american-day')?.date).toBe('2025-09-26');
    expect(judicialHolidays(2022).find((h) => h.name === 'native-american-day')?.date).toBe('2022-09-23');
  });
});

import { describe, expect, it } from 'vitest';
import { requestedMme } from './dose.js';
import { parseRequest } from './request.js';

const mme = (request: string) => requestedMme(parseRequest(request));

describe('requestedMme: daily oral morphine equivalents of a request', () => {
  it('multiplies strength, units a day and the conversion factor', () => {
    expect(mme('Norco 10/325mg #120, 1 tab every 6 hours')).toBe(40);
    expect(mme('Oxycodone 30mg #180 1 tab every 4 hours')).toBe(270);
    expect(mme('Tramadol ER 150mg #30 once daily')).toBe(15);
  });

  it('takes the highest rate a range allows', () => {
    // 2 tablets every 4 hours: 12 a day of 10 mg oxycodone (factor 1.5)
    expect(mme('Percocet 10/325mg 1-2 tabs every 4-6 hours as needed #240')).toBe(180);
  });

  it('spreads a count over a stated supply when no frequency is given', () => {
    expect(mme('Hydrocodone/APAP 7.5/325 mg, #60, one month supply')).toBe(15);
  });

  it('doses a fentanyl patch by its hourly strength', () => {
    expect(mme('Duragesic 50mcg/hr patch #15')).toBe(120);
  });

  it('is undefined without an opioid, a strength or a daily amount', () => {
    expect(mme('Naproxen 500mg #60 twice daily')).toBeUndefined();
    expect(mme('Norco 10/325 mg #90')).toBeUndefined();
    expect(mme('Norco #90 every 6 hours')).toBeUndefined();
  });
});

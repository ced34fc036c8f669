import { describe, expect, it } from 'vitest';
import { loadServerConfig, trustProxyForFastify } from './config.js';

/** The sign-in, session and proxy settings read from the environment. */

function app(env: Record<string, string>) {
  const r = loadServerConfig(env);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.app;
}

function refusal(env: Record<string, string>): string {
  const r = loadServerConfig(env);
  if (r.ok) throw new Error('accepted');
  expect(r.error.code).toBe('IMR_VALIDATION');
  return r.error.message;
}

describe('server configuration: sign-in and sessions', () => {
  it('defaults: 10 failures per account, 100 per address, a 15-minute window, 30 idle minutes, 8 hours, no proxy', () => {
    expect(app({})).toMatchObject({
      loginAccountFailures: 10,
      loginAddressFailures: 100,
      loginWindowMinutes: 15,
      sessionIdleMinutes: 30,
      sessionHours: 8,
      trustProxy: false,
    });
  });

  it('reads each setting, and refuses values out of range', () => {
    expect(
      app({
        IMR_LOGIN_ACCOUNT_FAILURES: '5',
        IMR_LOGIN_ADDRESS_FAILURES: '40',
        IMR_LOGIN_WINDOW_MINUTES: '60',
        IMR_SESSION_IDLE_MINUTES: '10',
      }),
    ).toMatchObject({
      loginAccountFailures: 5,
      loginAddressFailures: 40,
      loginWindowMinutes: 60,
      sessionIdleMinutes: 10,
    });
    expect(refusal({ IMR_SESSION_IDLE_MINUTES: '0' })).toMatch(/IMR_SESSION_IDLE_MINUTES/);
    expect(refusal({ IMR_LOGIN_ACCOUNT_FAILURES: 'many' })).toMatch(/IMR_LOGIN_ACCOUNT_FAILURES/);
  });

  it('refuses the retired IMR_LOGIN_RATE_LIMIT, naming what replaced it', () => {
    expect(refusal({ IMR_LOGIN_RATE_LIMIT: '10' })).toMatch(/IMR_LOGIN_ACCOUNT_FAILURES.*IMR_LOGIN_ADDRESS_FAILURES/);
  });

  it('takes IMR_TRUST_PROXY as a flag, a hop count or a list of proxy addresses', () => {
    expect(app({ IMR_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(app({ IMR_TRUST_PROXY: 'off' }).trustProxy).toBe(false);
    expect(app({ IMR_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(app({ IMR_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
    ]);
    expect(refusal({ IMR_TRUST_PROXY: 'the proxy' })).toMatch(/IMR_TRUST_PROXY/);
    expect(app({ IMR_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(refusal({ IMR_TRUST_PROXY: '11' })).toMatch(/IMR_TRUST_PROXY/);

    const hops = trustProxyForFastify(2);
    expect(typeof hops === 'function' && [hops('10.0.0.1', 0), hops('10.0.0.1', 1), hops('10.0.0.1', 2)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(trustProxyForFastify(['10.0.0.0/8'])).toEqual(['10.0.0.0/8']);
  });
});

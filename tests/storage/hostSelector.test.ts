import { describe, expect, it } from 'vitest';
import { operationalFailureOf } from '../../engine/app/operationalFailure.ts';
import { pgConnectionOptions, DEFAULT_LIMITS } from '../../engine/storage/connectionLimits.ts';
import { parseHostList } from '../../engine/storage/hostList.ts';
import { HostSelector } from '../../engine/storage/hostSelector.ts';

// Ports 4127 and 4128 are closed on this machine (the range of this test): hosts that are down.
const DOWN = 'postgres://alur:rahasia@127.0.0.1:4127,127.0.0.1:4128/alur?target_session_attrs=read-write';

function selectorFor(url: string): HostSelector {
  return new HostSelector(parseHostList(url), (hostUrl) => pgConnectionOptions(hostUrl, DEFAULT_LIMITS));
}

describe('the host choice when no server answers (no database needed)', () => {
  it('every host is tried in order; the failure is an outage (503), names each host and hides the password', async () => {
    const error: unknown = await selectorFor(DOWN)
      .connectionSettings()
      .then(
        () => 'connected',
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/127\.0\.0\.1:4127: ECONNREFUSED.*; 127\.0\.0\.1:4128: ECONNREFUSED/);
    expect(message).not.toContain('rahasia');
    expect(operationalFailureOf(error)).toBeDefined();
  });

  it('requests arriving together share one probe instead of each opening connections to every host', async () => {
    const selector = selectorFor(DOWN);
    const [a, b] = await Promise.all(
      [selector.connectionSettings(), selector.connectionSettings()].map((p) =>
        p.then(
          () => 'connected',
          (e: unknown) => e,
        ),
      ),
    );
    expect(a).toBeInstanceOf(Error);
    expect(b).toBe(a);
    // The next request after a failed probe probes again (the server may be back by then).
    const c: unknown = await selector.connectionSettings().then(
      () => 'connected',
      (e: unknown) => e,
    );
    expect(c).toBeInstanceOf(Error);
    expect(c).not.toBe(a);
  });
});

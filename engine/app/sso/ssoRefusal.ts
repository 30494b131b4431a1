/** Why an SSO sign-in did not end in a session; each reason has its own wording and status. */
export type SsoRefusalReason =
  | 'not_configured'
  | 'login_unknown'
  | 'provider_refused'
  | 'invalid_response'
  | 'provider_unreachable'
  | 'no_claim'
  | 'unknown_user'
  | 'disabled'
  | 'create_failed';

const STATUS: Record<SsoRefusalReason, number> = {
  not_configured: 404,
  login_unknown: 400,
  provider_refused: 400,
  invalid_response: 400,
  provider_unreachable: 502,
  no_claim: 403,
  unknown_user: 403,
  disabled: 403,
  create_failed: 403,
};

/** An SSO sign-in refused: answered with a page in Indonesian (the person arrived by a browser redirect). */
export class SsoRefusal extends Error {
  readonly status: number;
  constructor(
    readonly reason: SsoRefusalReason,
    message: string,
  ) {
    super(message);
    this.status = STATUS[reason];
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The refusal page: what happened, what to do, a way back to the login page. */
export function refusalPage(refusal: SsoRefusal): string {
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Masuk dengan SSO ditolak — Alur</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1f2933;line-height:1.5}
.box{border:1px solid #e0b4b4;background:#fff6f6;border-radius:8px;padding:1rem 1.25rem}h1{font-size:1.3rem}
a{color:#0b5cad}</style></head>
<body><main class="box" data-reason="${refusal.reason}"><h1>Masuk dengan SSO ditolak</h1>
<p>${escapeHtml(refusal.message)}</p>
<p><a href="/">Kembali ke halaman masuk</a></p></main></body></html>`;
}

/**
 * Identities at an OpenID Connect issuer linked to Madang accounts. An
 * identity is the issuer's identifier plus its `sub`, which the issuer never
 * reassigns (an e-mail address may change hands, a subject does not). One
 * identity per account per issuer, so a recycled address at the issuer
 * cannot take over an account that is already linked to someone else there.
 */
export const name = '004_account_identities';

export const statements: readonly string[] = [
  `create table account_identity (
    id uuid primary key,
    account_id uuid not null references account(id) on delete cascade,
    issuer text not null check (length(issuer) <= 2000),
    subject text not null check (length(subject) <= 255),
    email text check (length(email) <= 254),
    linked_at timestamptz not null,
    last_signed_in_at timestamptz not null,
    unique (issuer, subject),
    unique (account_id, issuer)
  )`
];

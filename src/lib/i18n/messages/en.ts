/** English interface messages. Every other locale must provide the same keys (checked by tsc). */
import { consoleOidcEn } from './consoleOidc.en.js';
import { consoleImportEn } from './consoleImport.en.js';
import { consoleEditionEn } from './consoleEdition.en.js';
import { consoleProgrammeEn } from './consoleProgramme.en.js';
import { consoleTranslationsEn } from './consoleTranslations.en.js';
import { consoleSpeakersEn } from './consoleSpeakers.en.js';
import { consolePlacesEn } from './consolePlaces.en.js';
import { liveStageEn } from './liveStage.en.js';
import { questionsEn } from './questions.en.js';
import { pollsEn } from './polls.en.js';
import { chatEn } from './chat.en.js';
import { destinationsEn } from './destinations.en.js';
import { broadcastEn } from './broadcast.en.js';
import { playerEn } from './player.en.js';

export const en = {
  languageName: 'English',
  siteName: 'Madang',
  skipToContent: 'Skip to main content',
  mainNavigation: 'Main',
  navHome: 'Home',
  navProgramme: 'Programme',
  navSpeakers: 'Speakers',
  navCities: 'Cities',
  navAccessibility: 'Accessibility',
  languageSwitch: 'Language',
  footerPoweredBy: 'Run on Madang, open-source software for inclusive online forums.',
  illustrative: 'Illustrative placeholder',
  illustrativeNote: 'Details marked “illustrative” are placeholders, not documented facts.',
  inOtherLanguage: 'Shown in another language',

  homeTheme: 'Theme',
  homeDates: (from: string, to: string) => `${from} – ${to}`,
  homeOnNow: 'On now',
  homeUpNext: 'Up next',
  homeNothingNow: 'Nothing is live right now.',
  homeFinished: 'This edition has ended. The programme stays here to read.',
  homeWatch: 'Where to watch',
  homeSeeProgramme: 'See the full programme',
  homeExports: 'Add the programme to your calendar or app',
  homeEditions: 'Editions',
  noEditions: 'No forum has been published yet.',

  programmeTitle: 'Programme',
  programmeZoneLegend: 'Show times in',
  programmeZoneLabel: 'Your time zone',
  programmeZoneSubmit: 'Show times',
  programmeZoneHelp: 'Times are shown in the host time zone and in the zone you choose.',
  programmeHostTime: (zone: string) => `Host time (${zone})`,
  programmeYourTime: (zone: string) => `Your time (${zone})`,
  programmeEmpty: 'The programme has not been published yet.',
  programmeDayHeading: (title: string, date: string) => `${title}, ${date}`,
  programmeSession: 'Session',
  programmeSpeakers: 'Speakers',
  downloadIcs: 'Calendar (.ics)',
  downloadJson: 'Schedule JSON (frab)',
  downloadXml: 'Schedule XML (frab)',

  sessionKind: {
    seminar_part: 'Seminar part',
    conference_session: 'Conference session',
    keynote: 'Keynote',
    talk_concert: 'Talk concert',
    break: 'Break'
  },
  sessionState: { scheduled: 'Scheduled', live: 'Live now', ended: 'Ended' },
  sessionWhen: 'When',
  sessionItems: 'Running order',
  sessionChannels: 'Watch on',
  sessionAddToCalendar: 'Add to calendar (.ics)',
  sessionBackToProgramme: 'Back to the programme',
  sessionStage: 'Stage',

  speakersTitle: 'Speakers',
  speakersEmpty: 'No speakers have been announced yet.',
  speakerJoins: { remote: 'Joins remotely', on_site: 'On site in the studio' },
  speakerLanguages: 'Speaks',
  speakerCity: 'City',
  speakerSessions: 'Appears in',
  speakerBio: 'About',

  citiesTitle: 'Cities',
  citiesIntro: (count: number) => `${count} cities take part in this edition.`,
  cityCountry: 'Country',
  cityZone: 'Time zone',
  cityLocalTime: 'Local time at the start of the forum',
  unknown: 'Not known',

  channelKind: { site: 'Forum website', youtube: 'YouTube', social: 'Social broadcast', other: 'Other channel' },

  accessibilityTitle: 'Accessibility statement',
  accessibilityIntro:
    'Madang aims for everyone to follow and take part in the forum, whatever their age, ability, language, device or network.',
  accessibilityStandard: 'Standard',
  accessibilityStandardText:
    'These pages are built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, and are checked with automated tests (axe-core) in a real browser on every change.',
  accessibilityWhat: 'What you can expect',
  accessibilityPoints: [
    'Every page works with a keyboard alone, with a visible focus indicator and a link to skip to the content.',
    'Every page works without JavaScript, on old phones and slow networks.',
    'Times are shown in the host time zone and in your own.',
    'Text can be enlarged to 200% without loss of content; motion is reduced when you ask your system for it.',
    'The interface is available in Korean and English; content falls back to another language when a translation is missing, and is marked so screen readers pronounce it correctly.'
  ],
  accessibilityLimits: 'Known limits',
  accessibilityLimitsText:
    'Live captions, interpretation and sign-language video are planned parts of the live stage and are not yet available on these pages.',
  accessibilityContact: 'Feedback',
  accessibilityContactText:
    'If something stops you from using this site, tell the organisers; we treat access barriers as defects.',

  notFoundTitle: 'Page not found',
  notFoundText: 'We could not find that page. It may have moved, or the address may be mistyped.',
  notFoundHome: 'Go to the forum home page',
  errorTitle: 'Something went wrong',
  errorText: 'The page could not be shown. Please try again in a moment.',

  console: {
    title: 'Organiser console',
    navLabel: 'Console',
    navDashboard: 'Dashboard',
    navPeople: 'People',
    navAccount: 'Your account',
    signOut: 'Sign out',
    signedInAs: (name: string) => `Signed in as ${name}`,
    errorSummary: 'There is a problem',
    errorTitlePrefix: 'Error: ',
    optional: '(optional)',
    fields: {
      email: 'E-mail address',
      password: 'Password',
      displayName: 'Your name',
      currentPassword: 'Current password',
      newPassword: 'New password',
      role: 'Role',
      edition: 'Edition',
      mailLocale: 'Language of the e-mail'
    },
    hints: {
      newPassword: 'At least 12 characters. A few unrelated words make a strong password that is easy to remember.',
      displayName: 'Shown to the other organisers.'
    },
    notices: {
      signedOut: 'You have signed out.',
      signedOutEverywhere: 'You have been signed out on every device.',
      passwordReset: 'Your password has been changed and every device signed out. Sign in with the new password.',
      passwordChanged: 'Your password has been changed. Your other devices have been signed out.',
      identityUnlinked: 'The service has been unlinked from your account.',
      invited: 'The invitation has been sent.',
      revoked: 'The role has been revoked.',
      invitationAccepted: 'You have accepted the invitation.'
    },
    signIn: {
      title: 'Sign in',
      intro: 'Sign in to the organiser console with the e-mail address of your account.',
      submit: 'Sign in',
      forgot: 'Forgot your password?'
    },
    signOutPage: {
      title: 'Sign out',
      intro: 'Sign out of the organiser console on this device.'
    },
    setup: {
      title: 'Create the first administrator',
      intro:
        'This one-time link creates the administrator account of this Madang. The administrator can then invite everyone else.',
      submit: 'Create the administrator account'
    },
    invitation: {
      title: 'Invitation',
      summary: (role: string, edition: string) => `You are invited to be ${role} of ${edition}.`,
      forEmail: (email: string) => `This invitation is for ${email}.`,
      validUntil: (when: string) => `It can be used once, until ${when}.`,
      createIntro: 'Create your account to accept it.',
      createSubmit: 'Create the account and accept',
      acceptSubmit: 'Accept the invitation',
      signInFirst: 'This address already has an account. Sign in with it to accept the invitation.',
      signInLink: 'Sign in to accept',
      wrongAccount: (email: string) =>
        `You are signed in with another account. Sign out, then open this link again to accept the invitation for ${email}.`
    },
    passwordReset: {
      title: 'Reset your password',
      intro: 'Enter the e-mail address of your account and we will send it a link to choose a new password.',
      submit: 'Send the link',
      sent: 'If an account exists for that address, a link to choose a new password is on its way. The link works once, for one hour.',
      newTitle: 'Choose a new password',
      newIntro: 'Setting a new password signs you out on every device.',
      newSubmit: 'Set the new password',
      backToSignIn: 'Back to sign-in'
    },
    dashboard: {
      title: 'Dashboard',
      welcome: (name: string) => `Welcome, ${name}`,
      editions: 'Your editions',
      none: 'You have no role on any edition yet. An administrator can invite you to one.',
      instanceAdmin: 'You are an administrator of this Madang and can act on every edition.',
      roles: 'Your roles',
      publicPage: (edition: string) => `Public page of ${edition}`,
      state: { draft: 'Draft', published: 'Published' }
    },
    account: {
      title: 'Your account',
      details: 'Details',
      changePassword: 'Change your password',
      changeSubmit: 'Change the password',
      everywhere: 'Sign out everywhere',
      everywhereHelp: 'Ends your session on every device where you are signed in, this one included.',
      everywhereSubmit: 'Sign out on every device',
      instanceAdmin: 'Administrator of this Madang',
      identities: 'Signing in through other services',
      identitiesHelp:
        'You can sign in through these services as well as with your password. Unlinking one leaves your password as it is.',
      noIdentities: 'No other service is linked to your account.',
      identityLinked: (date: string) => `linked ${date}`,
      identityLastUsed: (date: string) => `last used ${date}`,
      unlink: 'Unlink',
      unlinkLabel: (service: string) => `Unlink ${service}`,
      unlinkGone: 'That link no longer exists; nothing was changed.'
    },
    people: {
      title: 'People',
      invite: 'Invite someone',
      inviteHelp: 'The person receives an e-mail with a link that works once, for 7 days.',
      inviteSubmit: 'Send the invitation',
      accounts: 'Accounts',
      columnPerson: 'Person',
      columnRoles: 'Roles',
      instanceAdmin: 'Administrator of this Madang',
      noRoles: 'No roles',
      roleOn: (role: string, edition: string) => `${role}, ${edition}`,
      revoke: 'Revoke',
      revokeLabel: (role: string, edition: string, name: string) => `Revoke ${role} on ${edition} from ${name}`,
      pending: 'Pending invitations',
      noPending: 'No invitations are waiting to be accepted.',
      expires: (when: string) => `until ${when}`,
      noEditions: 'There is no edition to invite people to yet.'
    },
    roles: {
      admin: 'Administrator',
      producer: 'Producer',
      moderator: 'Moderator',
      captioner: 'Captioner',
      interpreter: 'Interpreter',
      speaker: 'Speaker'
    },
    roleHelp: {
      admin: 'Everything on the edition, including inviting people',
      producer: 'The programme, the studio and the broadcast',
      moderator: 'Questions and polls from the audience',
      captioner: 'Live captions',
      interpreter: 'Live interpretation',
      speaker: 'Joins the stage to speak'
    },
    errorHeadings: {
      link: 'This link cannot be used',
      forbidden: 'Not allowed',
      csrf: 'The form was not accepted',
      other: 'Something went wrong'
    },
    errorPageConsole: 'Go to the console',
    errorPageSignIn: 'Go to sign-in',
    retryAt: (when: string) => `Try again after ${when}.`,
    errors: {
      'auth.invalid_credentials': 'The e-mail address or the password is not right.',
      'auth.locked': 'After 5 failed sign-ins in a row, this account is locked for 15 minutes.',
      'auth.rate_limited': 'There have been too many failed sign-ins from your network.',
      'auth.csrf':
        'This form has expired or did not come from this site, so nothing was changed. Go back, reload the page and try again.',
      'auth.forbidden': 'Your account does not have a role that allows this.',
      'auth.signed_out': 'Sign in to continue.',
      'auth.wrong_password': 'This is not your current password.',
      'email.invalid': 'Enter an e-mail address such as name@example.org.',
      'display_name.invalid': 'Enter a name of 1 to 100 characters.',
      'password.too_short': 'Use at least 12 characters.',
      'password.too_long': 'Use at most 1,000 characters.',
      'password.too_common': 'This password is among the most common ones; choose another.',
      'account.email_taken': 'An account with this e-mail address already exists.',
      'role.invalid': 'Choose a role from the list.',
      'role_grant.not_found': 'That role no longer exists; it may have been revoked already.',
      'invitation.invalid': 'This invitation link is not valid. Check that you opened the whole link from the e-mail.',
      'invitation.expired': 'This invitation has expired. Ask the organiser who invited you for a new one.',
      'invitation.used': 'This invitation has already been used.',
      'invitation.wrong_account': 'You are signed in with another account. Sign out, then open the invitation again.',
      'invitation.sign_in_required': 'This address already has an account. Sign in with it to accept the invitation.',
      'invitation.edition_unknown': 'Choose an edition from the list.',
      'password_reset.invalid':
        'This password reset link is not valid. Check that you opened the whole link from the e-mail.',
      'password_reset.expired': 'This password reset link has expired. Ask for a new one.',
      'password_reset.used': 'This password reset link has already been used. Ask for a new one if you need to.',
      'setup.invalid': 'This setup link is not valid. Use the whole link Madang printed when it started.',
      'setup.expired': 'This setup link has expired. Restart Madang and it prints a new one.',
      'setup.used': 'This setup link has already been used.',
      'setup.done': 'An administrator already exists. Sign in instead.',
      'mail.not_sent':
        'The e-mail could not be sent, so nothing was saved. Try again later, or ask whoever runs this Madang to check its mail settings.'
    },
    mail: {
      invitationSubject: (edition: string) => `Invitation: ${edition}`,
      invitationText: (v: { inviter: string; edition: string; role: string; link: string; days: number }) =>
        `${v.inviter} invites you to join ${v.edition} as ${v.role}.\n\n` +
        `Open this link to accept:\n${v.link}\n\n` +
        `The link works once, for ${v.days} days. If you did not expect this invitation, you can ignore this e-mail.\n`,
      passwordResetSubject: 'Choose a new password',
      passwordResetText: (v: { link: string; minutes: number }) =>
        `Someone (we hope you) asked to reset the password of your Madang account.\n\n` +
        `Open this link to choose a new password:\n${v.link}\n\n` +
        `The link works once, for ${v.minutes} minutes. If you did not ask for it, ignore this e-mail; your password stays as it is.\n`
    }
  },

  dateWithWeekday: 'Date',
  consoleProgramme: consoleProgrammeEn,
  consoleTranslations: consoleTranslationsEn,
  consoleOidc: consoleOidcEn,
  consoleImport: consoleImportEn,
  consoleSpeakers: consoleSpeakersEn,
  consolePlaces: consolePlacesEn,
  liveStage: liveStageEn,
  consoleEdition: consoleEditionEn,
  questions: questionsEn,
  polls: pollsEn,
  chat: chatEn,
  destinations: destinationsEn,
  broadcast: broadcastEn,
  player: playerEn
};

export type Messages = typeof en;

import { describe, expect, it } from 'vitest';
import type { SignedInAccount } from './accountSessions.js';
import { participationOf } from './participation.js';

const edition = { id: 'ed-1', slug: 'seoul-2020' };
const person = (grants: SignedInAccount['grants'], isAdmin = false): SignedInAccount => ({
  id: 'acc-1',
  isAdmin,
  grants,
  email: 'minji@example.org',
  displayName: 'Minji',
  locale: 'en'
});

describe('participation on the live stage', () => {
  it('lets moderators, producers and administrators of the edition moderate, with a link to the session in the console', () => {
    for (const account of [
      person([{ editionId: 'ed-1', role: 'moderator' }]),
      person([{ editionId: 'ed-1', role: 'producer' }]),
      person([], true)
    ]) {
      expect(participationOf(account, edition, 'd2-keynote', 'en')).toEqual({
        canModerate: true,
        moderationLinks: [
          { href: '/console/editions/seoul-2020/sessions/d2-keynote', label: 'Moderate this session' },
          { href: '/console/editions/seoul-2020/sessions/d2-keynote/questions', label: 'Questions (moderation)' },
          { href: '/console/editions/seoul-2020/sessions/d2-keynote/polls', label: 'Run the polls' },
          { href: '/console/editions/seoul-2020/sessions/d2-keynote/chat', label: 'Chat moderation' }
        ]
      });
    }
  });

  it('gives readers, other roles and moderators of other editions no moderation', () => {
    for (const account of [
      null,
      person([{ editionId: 'ed-1', role: 'speaker' }]),
      person([{ editionId: 'ed-2', role: 'moderator' }])
    ]) {
      expect(participationOf(account, edition, 'd2-keynote', 'ko')).toEqual({
        canModerate: false,
        moderationLinks: []
      });
    }
  });
});

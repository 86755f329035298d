import { describe, expect, it } from 'vitest';
import { buildProgramme, buildSession } from '../testing/programmeFactory.js';
import { jsonLdScript, sessionJsonLd } from './eventJsonLd.js';

const options = { baseUrl: 'https://forum.example', locale: 'en' };

describe('sessionJsonLd', () => {
  it('describes a session as an online schema.org Event in its edition', () => {
    expect(sessionJsonLd(buildProgramme(), 'three-cities', options)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Event',
      '@id': 'https://forum.example/seoul-2020/sessions/three-cities',
      name: 'A conversation between three cities',
      description: 'Seoul, Los Angeles and Helsinki compare participatory budgeting.',
      url: 'https://forum.example/seoul-2020/sessions/three-cities',
      startDate: '2020-09-22T17:10:00+09:00',
      endDate: '2020-09-22T18:40:00+09:00',
      eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'VirtualLocation', url: 'https://forum.example/seoul-2020/sessions/three-cities' },
      inLanguage: 'en',
      organizer: { '@type': 'Organization', name: 'Madang Forum Committee', url: 'https://madang.example' },
      performer: [
        {
          '@type': 'Person',
          name: 'Kim Seo-yeon',
          jobTitle: 'Research Fellow',
          affiliation: { '@type': 'Organization', name: 'The Seoul Institute' }
        },
        {
          '@type': 'Person',
          name: 'Maria Lopez',
          jobTitle: 'Associate Director',
          affiliation: { '@type': 'Organization', name: 'LA Civic Lab' }
        },
        {
          '@type': 'Person',
          name: 'Aino Virtanen',
          jobTitle: 'Urban Planner',
          affiliation: { '@type': 'Organization', name: 'City of Helsinki' }
        }
      ],
      superEvent: {
        '@type': 'Event',
        '@id': 'https://forum.example/seoul-2020',
        name: 'Seoul Inclusive Cities Forum 2020',
        url: 'https://forum.example/seoul-2020',
        startDate: '2020-09-22',
        endDate: '2020-09-23',
        eventAttendanceMode: 'https://schema.org/OnlineEventAttendanceMode',
        eventStatus: 'https://schema.org/EventScheduled',
        location: { '@type': 'VirtualLocation', url: 'https://forum.example/seoul-2020' },
        organizer: { '@type': 'Organization', name: 'Madang Forum Committee', url: 'https://madang.example' }
      }
    });
  });

  it('speaks the reader language, with the language it really is in', () => {
    const korean = sessionJsonLd(buildProgramme(), 'opening-keynote', { ...options, locale: 'ko' });
    expect(korean).toMatchObject({ name: '개막 기조연설: 함께 사는 도시', inLanguage: 'ko' });
    const fallback = sessionJsonLd(buildProgramme(), 'opening-keynote', { ...options, locale: 'fi' });
    expect(fallback).toMatchObject({ name: '개막 기조연설: 함께 사는 도시', inLanguage: 'ko' });
  });

  it('gives nothing for a draft or unknown session', () => {
    expect(sessionJsonLd(buildProgramme(), 'closing-draft', options)).toBeNull();
    expect(sessionJsonLd(buildProgramme(), 'missing', options)).toBeNull();
  });
});

describe('jsonLdScript', () => {
  const hostile = '</script><script>alert(1)</script> & <!-- \u2028\u2029';

  function hostileEvent() {
    const programme = buildProgramme();
    const session = buildSession({ id: 'hostile', title: { en: hostile }, summary: { en: hostile } });
    const event = sessionJsonLd({ ...programme, sessions: [session] }, 'hostile', options);
    if (!event) throw new Error('expected the session to be published');
    return event;
  }

  it('cannot close the script element, whatever a title says', () => {
    const serialised = jsonLdScript(hostileEvent());
    expect(serialised.toLowerCase()).not.toContain('</script');
    expect(serialised).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('is still the same JSON', () => {
    const event = hostileEvent();
    const parsed = JSON.parse(jsonLdScript(event)) as { name: string };
    expect(parsed).toEqual(event);
    expect(parsed.name).toBe(hostile);
  });
});

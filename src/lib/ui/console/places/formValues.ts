/**
 * What the console's city and channel forms hold: plain strings as the
 * browser posts them, per locale for translatable fields, so a form that
 * failed is shown again exactly as it was sent.
 */
import type { LocalizedText } from '$lib/domain/localizedText';
import type { Channel, City } from '$lib/domain/programme';

export { cityLimits } from '$lib/domain/editing/cityInput';
export { channelLimits } from '$lib/domain/editing/channelInput';

export interface CityFormValues {
  readonly name: LocalizedText;
  readonly summary: LocalizedText;
  readonly country: string;
  readonly zone: string;
  readonly isIllustrative: boolean;
  readonly version: string;
}

export interface ChannelFormValues {
  readonly kind: string;
  readonly name: LocalizedText;
  readonly url: string;
  readonly version: string;
}

export function cityFormValues(city: City & { readonly version: number }): CityFormValues {
  return {
    name: city.name,
    summary: city.summary,
    country: city.country ?? '',
    zone: city.zone ?? '',
    isIllustrative: city.isIllustrative,
    version: String(city.version)
  };
}

export function channelFormValues(channel: Channel & { readonly version: number }): ChannelFormValues {
  return { kind: channel.kind, name: channel.name, url: channel.url, version: String(channel.version) };
}

export const emptyCityForm: CityFormValues = {
  name: {},
  summary: {},
  country: '',
  zone: '',
  isIllustrative: false,
  version: ''
};
export const emptyChannelForm: ChannelFormValues = { kind: 'youtube', name: {}, url: '', version: '' };

/** The rules the city and channel editing services apply (wired in wiring/programme.ts), and their types. */
import {
  channelInputSchema,
  resolveChannel,
  type ChannelInput,
  type ChannelValues
} from '../../domain/editing/channelInput.js';
import { cityInputSchema, resolveCity, type CityInput, type CityValues } from '../../domain/editing/cityInput.js';
import type { VersionedChannel } from '../db/channelEditRepository.js';
import type { VersionedCity } from '../db/cityEditRepository.js';
import type { PlaceEditing, PlaceRules } from './placeEditing.js';

export type CityEditing = PlaceEditing<VersionedCity, CityInput, CityValues>;
export type ChannelEditing = PlaceEditing<VersionedChannel, ChannelInput, ChannelValues>;

export const cityRules: PlaceRules<CityInput, CityValues> = {
  kind: 'city',
  schema: cityInputSchema,
  resolve: resolveCity
};
export const channelRules: PlaceRules<ChannelInput, ChannelValues> = {
  kind: 'channel',
  schema: channelInputSchema,
  resolve: resolveChannel
};

import { ZONES_BY_REGION } from './zone-regions.js';

/**
 * Where to call in an emergency (safety.md section 1): the region comes from the locale (en-GB -> GB) or, when
 * the locale names none (en, es-419), from the time zone. An unknown region gets no made-up number: the coach
 * says "your local emergency number", and 112 from a mobile phone (it reaches emergency services on most
 * mobile networks worldwide).
 */
export interface EmergencyContact {
  /** ISO 3166 region, when known. */
  region?: string;
  /** The number to call; absent when the region is unknown. */
  number?: string;
  /** A second number that also works ("999" in Ireland, "112 from a mobile" in South Africa). */
  alternative?: string;
  alternativeFromMobile?: boolean;
  /** The non-emergency urgent line, where there is one we name (NHS 111). */
  urgentLine?: string;
}

const EU_112 = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH';

const BY_REGION: Record<string, Omit<EmergencyContact, 'region'>> = {
  US: { number: '911' },
  CA: { number: '911' },
  MX: { number: '911' },
  GB: { number: '999', urgentLine: '111' },
  IE: { number: '112', alternative: '999' },
  AU: { number: '000' },
  NZ: { number: '111' },
  IN: { number: '112' },
  ZA: { number: '10177', alternative: '112', alternativeFromMobile: true },
  JP: { number: '119' },
  BR: { number: '192' },
  KR: { number: '119' },
  TW: { number: '119' },
  CN: { number: '120' },
  HK: { number: '999' },
  SG: { number: '995' },
  ...Object.fromEntries(EU_112.split(' ').map((code) => [code, { number: '112' }])),
};

let zoneRegions: Map<string, string> | undefined;
function regionOfZone(timeZone: string): string | undefined {
  zoneRegions ??= new Map(Object.entries(ZONES_BY_REGION).flatMap(([code, zones]) => zones.split(' ').map((z) => [z, code] as const)));
  return zoneRegions.get(timeZone);
}

/** The region of a locale ("en-GB", "en_GB.UTF-8"), else of the time zone; undefined when neither names one. */
export function regionOf(locale: string | undefined, timeZone?: string): string | undefined {
  const match = /^([a-z]{2,3})[-_]([a-z]{2})(?:$|[-_.@])/i.exec(locale ?? '');
  // Slack's "es-LA" means Latin America, not Laos: no single region.
  const latinAmerica = match?.[1]?.toLowerCase() === 'es' && match[2]?.toUpperCase() === 'LA';
  const fromLocale = latinAmerica ? undefined : match?.[2]?.toUpperCase();
  return fromLocale ?? (timeZone ? regionOfZone(timeZone) : undefined);
}

export function emergencyContact(locale: string | undefined, timeZone?: string): EmergencyContact {
  const region = regionOf(locale, timeZone);
  const known = region ? BY_REGION[region] : undefined;
  return known ? { region, ...known } : region ? { region } : {};
}

import type { SlotTypeDef } from './intents.js';

/** The interaction model's fixed slot types. Their ids are the core's values, so mapping is by id. */

/** Equipment a person may not have; ids are the routine schema's equipment ids. */
export const EQUIPMENT: SlotTypeDef = {
  name: 'EQUIPMENT',
  values: [
    { id: 'foam-roller', value: 'foam roller', synonyms: ['roller', 'foam roll'] },
    { id: 'strap', value: 'strap', synonyms: ['yoga strap', 'belt', 'strap or belt'] },
    { id: 'block', value: 'block', synonyms: ['yoga block', 'blocks', 'yoga blocks'] },
    { id: 'blanket', value: 'blanket', synonyms: ['rug', 'throw'] },
    { id: 'mat', value: 'mat', synonyms: ['yoga mat', 'exercise mat'] },
    { id: 'pillow', value: 'pillow', synonyms: ['cushion'] },
  ],
};

/** Ids are the core's HurtKind values. */
export const HURT_KIND: SlotTypeDef = {
  name: 'HURT_KIND',
  values: [
    {
      id: 'sharp',
      value: 'sharp',
      synonyms: ['shooting', 'stabbing', 'a sharp pain', 'a shooting pain', 'sharp pain', 'shooting pain', 'burning'],
    },
    {
      id: 'spreading',
      value: 'spreading down my leg',
      synonyms: [
        'spreading',
        'down my leg',
        'going down my leg',
        'tingling',
        'tingling in my leg',
        'pins and needles',
        'radiating',
        'it spreads down my leg',
      ],
    },
    { id: 'numbness', value: 'numb', synonyms: ['numbness', 'numb leg', 'no feeling', 'lost feeling', 'more numb'] },
    {
      id: 'mild',
      value: 'mild stretch',
      synonyms: ['mild', 'a stretch', 'just a stretch', 'a little tight', 'tight', 'achy', 'uncomfortable', 'a mild stretch'],
    },
    {
      id: 'saddle',
      value: 'numb around my seat',
      synonyms: [
        'numb between my legs',
        'numbness around my bottom',
        "I can't control my bladder",
        'bladder problems',
        'bowel problems',
        'both legs are weak',
        'weakness in both legs',
      ],
    },
    {
      id: 'chest',
      value: 'chest pain',
      synonyms: ['chest', 'pain in my chest', "I can't breathe", 'short of breath', 'faint', 'I feel faint'],
    },
    {
      id: 'pregnancy',
      value: 'bleeding',
      synonyms: ['contractions', 'calf pain', 'my waters broke', 'leaking fluid', 'pregnancy pain'],
    },
  ],
};

/** Ids are what the core's parseDays reads. */
export const REMINDER_DAYS: SlotTypeDef = {
  name: 'REMINDER_DAYS',
  values: [
    { id: 'daily', value: 'day', synonyms: ['every day', 'daily', 'each day'] },
    { id: 'weekdays', value: 'weekday', synonyms: ['weekdays', 'work days', 'working days', 'monday to friday'] },
    { id: 'weekends', value: 'weekend', synonyms: ['weekends', 'saturday and sunday'] },
    { id: 'monday', value: 'monday', synonyms: ['mondays'] },
    { id: 'tuesday', value: 'tuesday', synonyms: ['tuesdays'] },
    { id: 'wednesday', value: 'wednesday', synonyms: ['wednesdays'] },
    { id: 'thursday', value: 'thursday', synonyms: ['thursdays'] },
    { id: 'friday', value: 'friday', synonyms: ['fridays'] },
    { id: 'saturday', value: 'saturday', synonyms: ['saturdays'] },
    { id: 'sunday', value: 'sunday', synonyms: ['sundays'] },
  ],
};

/**
 * Test helper: the c3voc frab schedule schema stored beside the exports, set
 * up as the export tests set it up (draft-06 meta schema, the formats the
 * schema names), so an extended export is checked by the same rules that
 * conference apps and the c3voc validator apply.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import schema from '../exports/frab-schedule.schema.json';

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
ajv.addFormat('uri', /^https?:\/\/[^\s]+$/);
ajv.addFormat('color', /^#[0-9a-f]{3,8}$/i);
ajv.addSchema(schema);
const validateSchedule = ajv.getSchema('https://c3voc.de/schedule/schema.json') as ValidateFunction;
const validateEvent = ajv.getSchema('https://c3voc.de/schedule/schema.json#/definitions/Event') as ValidateFunction;

/**
 * The schema's complaints about `value` (after a JSON round trip), '' when
 * it is valid. Events are checked one by one too, because the schema's
 * `Day.rooms` puts `items` on an object, which checks nothing.
 */
export function frabSchemaErrors(value: unknown): string {
  const plain = JSON.parse(JSON.stringify(value)) as {
    schedule?: { conference?: { days?: { rooms?: Record<string, unknown[]> }[] } };
  };
  const problems: string[] = [];
  if (!validateSchedule(plain)) problems.push(ajv.errorsText(validateSchedule.errors));
  for (const day of plain.schedule?.conference?.days ?? []) {
    for (const event of Object.values(day.rooms ?? {}).flat()) {
      if (!validateEvent(event)) problems.push(ajv.errorsText(validateEvent.errors));
    }
  }
  return problems.join('\n');
}

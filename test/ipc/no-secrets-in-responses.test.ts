import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, events, ipcErrorSchema } from '../../shared/ipc/index.ts';

/**
 * Field names that could carry the secret key, a billing key, a customer key or card data
 * (invariants 1 to 3). The masked number Toss returns is allowed: it is what screens show, and so
 * are a card's expiryMonth and expiryYear, the one exception invariant 2 makes.
 */
const FORBIDDEN =
  /secret|billing_?key|customer_?key|card_?number|^number$|cvc|cvv|password|pin|identity|birth|business_?no|expir(?!y(Month|Year)$)/i;

/** Every object key a value of this schema could have, with its path, through wrappers and unions. */
function fieldNames(schema: z.ZodType, path = ''): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const inner = (value: unknown, at = path) => fieldNames(value as z.ZodType, at);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.entries(shape).flatMap(([key, value]) => [
        `${path}${key}`,
        ...inner(value, `${path}${key}.`),
      ]);
    }
    case 'array':
      return inner(def.element);
    case 'record':
      return [`${path}<key>`, ...inner(def.valueType)];
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => inner(option));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return [...inner(def.in), ...inner(def.out)];
    case 'lazy':
      return inner((def.getter as () => z.ZodType)());
    default:
      return [];
  }
}

function forbiddenFields(schema: z.ZodType): string[] {
  return fieldNames(schema).filter((name) => FORBIDDEN.test(name.split('.').at(-1) ?? ''));
}

describe('what main sends to the renderer', () => {
  it.each(Object.entries(contract))('the response of %s names no secret and no card data', (_name, spec) => {
    expect(fieldNames(spec.response).length).toBeGreaterThan(0);
    expect(forbiddenFields(spec.response)).toEqual([]);
  });

  it.each(Object.entries(events))('the event %s names no secret and no card data', (_name, schema) => {
    expect(forbiddenFields(schema)).toEqual([]);
  });

  it('the error envelope names no secret and no card data', () => {
    expect(forbiddenFields(ipcErrorSchema)).toEqual([]);
  });

  it('would catch such a field however deep it sits', () => {
    const leaky = z.object({
      page: z.array(z.object({ card: z.object({ billingKey: z.string() }).nullable() })),
      extra: z.union([z.object({ customerKey: z.string() }), z.string()]).optional(),
      status: z.object({ secretKey: z.string() }),
      input: z.record(z.string(), z.object({ cardNumber: z.string() })),
    });
    expect(forbiddenFields(leaky)).toEqual([
      'page.card.billingKey',
      'extra.customerKey',
      'status.secretKey',
      'input.cardNumber',
    ]);
  });

  it("allows a card's expiryMonth and expiryYear only, the exception invariant 2 makes", () => {
    const card = z.object({
      expiryMonth: z.int(),
      expiryYear: z.int(),
      expiry: z.string(),
      cardExpirationYear: z.string(),
      expiryMonthText: z.string(),
    });
    expect(forbiddenFields(card)).toEqual(['expiry', 'cardExpirationYear', 'expiryMonthText']);
    expect(fieldNames(contract.getMember.response)).toEqual(
      expect.arrayContaining(['card.expiryMonth', 'card.expiryYear']),
    );
  });

  it('sees the real shapes: a member detail carries its masked card', () => {
    expect(fieldNames(contract.getMember.response)).toEqual(
      expect.arrayContaining(['card.maskedNumber', 'cards', 'recentCharges']),
    );
  });
});
